"""Manager scorecards as a static HTML site: index per team, a page per agent.

Charts are inline SVG, so the site reads offline with no CDN and no script.
"""

from __future__ import annotations

import html
from collections import defaultdict

from pipeline.store.storage import Store
from scorers.config import Config
from scorers.rubric import parse_rubric

# Fonts managers have: Windows (Microsoft YaHei), macOS (PingFang SC), Linux (Noto Sans CJK SC).
FONT_STACK = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif'
CSS = """body{font-family:FONTS;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
th{background:#f3f3f3}.bad{color:#b00}.good{color:#070}svg{background:#fafafa;border:1px solid #eee}
.veto{background:#b00;color:#fff;border-radius:3px;padding:0 4px;font-size:85%}
.note{color:#666;font-size:90%}""".replace("FONTS", FONT_STACK)


def _e(x) -> str:
    return html.escape(str(x))


def _signed(x) -> str:
    return "" if x is None else f"{x:+g}"


def _page(title: str, body: str) -> bytes:
    return (
        f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{_e(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    ).encode()


def bar_chart(
    values: dict[str, float], maxima: dict[str, float], title: str, vetoed: dict[str, int]
) -> str:
    """Horizontal bars: points got per rubric item against the item's maximum. A veto item
    with vetoed calls is red and says how many, whatever its mean points say (a mean of
    6.67/20 hides that those calls scored 0)."""
    rows = [(k, v) for k, v in values.items()]
    h = 22 * len(rows) + 30
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="640" height="{h}" '
        f'xmlns="http://www.w3.org/2000/svg"><text x="5" y="16" font-size="13">{_e(title)}</text>'
    ]
    for i, (k, v) in enumerate(rows):
        y = 26 + 22 * i
        mx = maxima.get(k) or 1
        w = max(0.0, 300 * v / mx)
        veto = vetoed.get(k, 0)
        colour = "#c33" if veto else ("#2a7" if v >= mx else ("#e90" if v > 0 else "#c33"))
        note = f" 否决{veto}通" if veto else ""
        parts.append(
            f'<text x="5" y="{y + 13}" font-size="12">{_e(k)}</text>'
            f'<rect x="180" y="{y}" width="300" height="16" fill="#eee"/>'
            f'<rect class="bar" x="180" y="{y}" width="{w:.1f}" height="16" fill="{colour}"/>'
            f'<text class="{"veto-note" if veto else ""}" x="485" y="{y + 13}" font-size="12"'
            f' fill="{"#b00" if veto else "#222"}">{v:g}/{mx:g}{note}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(points: list[tuple[str, float]], title: str, target: float) -> str:
    """Mean score per day, 0-100, with the managers' target as a dashed line."""
    w, h = 560, 180
    n = len(points)
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{w}" height="{h}" '
        f'xmlns="http://www.w3.org/2000/svg"><text x="5" y="16" font-size="13">{_e(title)}</text>'
        f'<line x1="40" y1="150" x2="540" y2="150" stroke="#999"/>'
        f'<line class="target" x1="40" y1="{150 - 120 * target / 100:.1f}" x2="540" '
        f'y2="{150 - 120 * target / 100:.1f}" stroke="#b00" stroke-dasharray="5,4"/>'
        f'<text x="500" y="{146 - 120 * target / 100:.1f}" font-size="10" fill="#b00">'
        f"目标 {target:g}</text>"
    ]
    xy = []
    for i, (label, v) in enumerate(points):
        x = 40 + (500 * (i + 0.5) / max(n, 1))
        y = 150 - 120 * v / 100
        xy.append((x, y))
        parts.append(
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4" '
            f'fill="{"#b00" if v < target else "#36c"}"/>'
            f'<text x="{x - 20:.1f}" y="168" font-size="10">{_e(label[5:])}</text>'
            f'<text x="{x - 8:.1f}" y="{y - 8:.1f}" font-size="10">{v:g}</text>'
        )
    if len(xy) > 1:
        parts.append(
            '<polyline fill="none" stroke="#36c" points="'
            + " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
            + '"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _team_table(rows: list[dict], target: float) -> str:
    out = [
        "<table><tr><th>名次 Rank</th><th>坐席 Agent</th><th>周 Week</th><th>通话 Calls</th>"
        f"<th>平均分 Mean (目标 {target:g})</th><th>趋势 Trend</th><th>否决 Veto</th></tr>"
    ]
    for c in rows:
        cls = "bad" if (c["trend"] or 0) < 0 else "good"
        below = ' class="bad below"' if c["mean_score"] < target else ""
        out.append(
            f"<tr><td>{c['rank_in_team']}/{c['team_size']}</td>"
            f'<td><a href="agent-{_e(c["agent_id"])}.html">{_e(c["agent_id"])} {_e(c["agent_name"])}</a></td>'
            f"<td>{_e(c['period'])}</td><td>{c['calls']}</td><td{below}>{c['mean_score']:g}</td>"
            f'<td class="{cls}">{_signed(c["trend"])}</td><td>{c["veto_calls"]}</td></tr>'
        )
    return "".join(out) + "</table>"


def write_site(
    store: Store, tables: dict[str, list[dict]], cfg: Config, clips: list[dict]
) -> list[str]:
    """Writes report/index.html and report/agent-<id>.html; returns the page paths. Rules
    and rubric items carry the Chinese names the console shows (`Config.rule_names`)."""
    cards = tables["agent_scorecards"]
    _, rubric_items = parse_rubric(cfg.rubric)
    target = cfg.rubric.target_score
    rule_names = cfg.rule_names()
    names = {it.id: it.name for it in rubric_items}
    maxima = {it.name: it.points for it in rubric_items if not it.manual}
    veto_items = [it.name for it in rubric_items if it.veto and not it.manual]
    written = []
    latest: dict[str, dict] = {}
    for c in cards:
        if c["period_type"] == "week":
            if c["agent_id"] not in latest or c["period"] > latest[c["agent_id"]]["period"]:
                latest[c["agent_id"]] = c
    teams: dict[str, list[dict]] = defaultdict(list)
    for c in latest.values():
        teams[c["team"]].append(c)
    body = [
        "<h1>12333 质检评分卡 Agent scorecards</h1>",
        f'<p class="note">{len(tables["call_scores"])} calls scored; '
        f"{len(tables['rejected'])} inputs rejected (see rejected.parquet). "
        '<a href="../clips/index.html">培训片段 clips</a></p>',
    ]
    for i, team in enumerate(sorted(teams)):
        table = _team_table(sorted(teams[team], key=lambda c: c["rank_in_team"]), target)
        label = _e(team or "（未分组）")
        body.append(f'<h2><a href="team-{i}.html">{label}</a></h2>{table}')
        page = f'<p><a href="index.html">← index</a></p><h1>{label} 团队评分卡</h1>{table}'
        store.write_if_changed(f"report/team-{i}.html", _page(f"{team} 团队评分卡", page))
        written.append(f"report/team-{i}.html")
    store.write_if_changed("report/index.html", _page("12333 质检评分卡", "".join(body)))
    written.append("report/index.html")

    clips_by_agent = defaultdict(list)
    for r in clips:
        clips_by_agent[r["agent_id"]].append(r)
    for agent in sorted({c["agent_id"] for c in cards}):
        mine = [c for c in cards if c["agent_id"] == agent]
        name = mine[0]["agent_name"]
        days = sorted((c for c in mine if c["period_type"] == "day"), key=lambda c: c["period"])
        body = [
            f'<p><a href="index.html">← 返回 index</a></p><h1>坐席 {_e(agent)} {_e(name)}'
            f' <small class="note">目标 target {target:g}</small></h1>',
            trend_chart(
                [(c["period"], c["mean_score"]) for c in days],
                "每日平均分 Mean score per day",
                target,
            ),
        ]
        for kind, label in (("day", "按日 Day"), ("week", "按周 Week"), ("month", "按月 Month")):
            body.append(
                f"<h2>{label}</h2><table><tr><th>周期 Period</th><th>通话 Calls</th>"
                "<th>平均分 Mean</th><th>上期 Previous</th><th>趋势 Trend</th><th>名次 Rank</th>"
                "<th>否决 Veto</th><th>违规 Violations</th></tr>"
            )
            for c in sorted(
                (c for c in mine if c["period_type"] == kind), key=lambda c: c["period"]
            ):
                viol = (
                    "，".join(f"{rule_names.get(k, k)}×{v}" for k, v in c["violations"].items())
                    or "—"
                )
                below = ' class="bad below"' if c["mean_score"] < target else ""
                body.append(
                    f"<tr><td>{_e(c['period'])}</td><td>{c['calls']}</td>"
                    f"<td{below}>{c['mean_score']:g}</td>"
                    f"<td>{'' if c['prev_mean_score'] is None else c['prev_mean_score']}</td>"
                    f"<td>{_signed(c['trend'])}</td>"
                    f"<td>{c['rank_in_team']}/{c['team_size']}</td><td>{c['veto_calls']}</td>"
                    f"<td>{_e(viol)}</td></tr>"
                )
            body.append("</table>")
        month = max((c for c in mine if c["period_type"] == "month"), key=lambda c: c["period"])
        items = {names.get(k, k): v for k, v in month["items"].items() if v is not None}
        vetoed = {n: month["veto_calls"] for n in veto_items if month["veto_calls"]}
        body.append(bar_chart(items, maxima, f"评分项 Rubric items, {month['period']}", vetoed))
        body.append(
            "<h2>通话 Calls</h2><table><tr><th>通话 Call</th><th>时间 Started</th>"
            "<th>得分 Score</th><th>否决 Veto</th></tr>"
        )
        for cs in sorted(
            (c for c in tables["call_scores"] if c["agent_id"] == agent),
            key=lambda c: c["started_at"],
        ):
            below = ' class="bad below"' if cs["score"] < target else ""
            body.append(
                f"<tr><td>{_e(cs['call_id'])}</td><td>{_e(cs['started_at'][:16])}</td>"
                f"<td{below}>{cs['score']:g}</td>"
                f"<td>{'<span class=veto>否决</span>' if cs['veto'] else ''}</td></tr>"
            )
        body.append(
            "</table><h2>违规片段 Flagged clips</h2><table><tr><th>规则 Rule</th>"
            "<th>通话 Call</th><th>证据 Evidence</th><th>片段 Clip</th></tr>"
        )
        for r in clips_by_agent[agent]:
            rule = rule_names.get(r["rule_id"], r["rule_id"])
            body.append(
                f"<tr><td>{_e(rule)}</td><td>{_e(r['call_id'])}</td><td>{_e(r['evidence'])}</td>"
                f'<td><audio controls preload="none" src="../{_e(r["clip"])}"></audio></td></tr>'
            )
        body.append("</table>")
        path = f"report/agent-{agent}.html"
        store.write_if_changed(path, _page(f"坐席 {agent}", "".join(body)))
        written.append(path)
    return written
