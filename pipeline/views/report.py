"""Manager scorecards as a static HTML site: index per team, a page per agent.

Charts are inline SVG, so the site reads offline with no CDN and no script.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict

from pipeline.store.storage import Store

# Fonts managers have: Windows (Microsoft YaHei), macOS (PingFang SC), Linux (Noto Sans CJK SC).
FONT_STACK = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif'
CSS = """body{font-family:FONTS;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
th{background:#f3f3f3}.bad{color:#b00}.good{color:#070}svg{background:#fafafa;border:1px solid #eee}
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


def bar_chart(values: dict[str, float], maxima: dict[str, float], title: str) -> str:
    """Horizontal bars: points got per rubric item against the item's maximum."""
    rows = [(k, v) for k, v in values.items()]
    h = 22 * len(rows) + 30
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="560" height="{h}" '
        f'xmlns="http://www.w3.org/2000/svg"><text x="5" y="16" font-size="13">{_e(title)}</text>'
    ]
    for i, (k, v) in enumerate(rows):
        y = 26 + 22 * i
        mx = maxima.get(k) or 1
        w = max(0.0, 300 * v / mx)
        colour = "#2a7" if v >= mx else ("#e90" if v > 0 else "#c33")
        parts.append(
            f'<text x="5" y="{y + 13}" font-size="12">{_e(k)}</text>'
            f'<rect x="180" y="{y}" width="300" height="16" fill="#eee"/>'
            f'<rect class="bar" x="180" y="{y}" width="{w:.1f}" height="16" fill="{colour}"/>'
            f'<text x="485" y="{y + 13}" font-size="12">{v:g}/{mx:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(points: list[tuple[str, float]], title: str) -> str:
    """Mean score per day, 0-100."""
    w, h = 560, 180
    n = len(points)
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{w}" height="{h}" '
        f'xmlns="http://www.w3.org/2000/svg"><text x="5" y="16" font-size="13">{_e(title)}</text>'
        f'<line x1="40" y1="150" x2="540" y2="150" stroke="#999"/>'
    ]
    xy = []
    for i, (label, v) in enumerate(points):
        x = 40 + (500 * (i + 0.5) / max(n, 1))
        y = 150 - 120 * v / 100
        xy.append((x, y))
        parts.append(
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#36c"/>'
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


def _team_table(rows: list[dict]) -> str:
    out = [
        "<table><tr><th>名次 rank</th><th>坐席 agent</th><th>周 week</th><th>通话 calls</th>"
        "<th>平均分 mean</th><th>趋势 trend</th><th>否决 veto</th></tr>"
    ]
    for c in rows:
        cls = "bad" if (c["trend"] or 0) < 0 else "good"
        out.append(
            f"<tr><td>{c['rank_in_team']}/{c['team_size']}</td>"
            f'<td><a href="agent-{_e(c["agent_id"])}.html">{_e(c["agent_id"])} {_e(c["agent_name"])}</a></td>'
            f"<td>{_e(c['period'])}</td><td>{c['calls']}</td><td>{c['mean_score']:g}</td>"
            f'<td class="{cls}">{_signed(c["trend"])}</td><td>{c["veto_calls"]}</td></tr>'
        )
    return "".join(out) + "</table>"


def write_site(
    store: Store, tables: dict[str, list[dict]], rubric_items, clips: list[dict]
) -> list[str]:
    """Writes report/index.html and report/agent-<id>.html; returns the page paths."""
    cards = tables["agent_scorecards"]
    names = {it.id: it.name for it in rubric_items}
    maxima = {it.name: it.points for it in rubric_items if not it.manual}
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
        table = _team_table(sorted(teams[team], key=lambda c: c["rank_in_team"]))
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
            f'<p><a href="index.html">← index</a></p><h1>坐席 {_e(agent)} {_e(name)}</h1>',
            trend_chart(
                [(c["period"], c["mean_score"]) for c in days], "每日平均分 mean score per day"
            ),
        ]
        for kind, label in (("day", "日 day"), ("week", "周 week"), ("month", "月 month")):
            body.append(
                f"<h2>{label}</h2><table><tr><th>period</th><th>calls</th><th>mean</th><th>prev</th>"
                "<th>trend</th><th>rank</th><th>violations</th></tr>"
            )
            for c in sorted(
                (c for c in mine if c["period_type"] == kind), key=lambda c: c["period"]
            ):
                viol = ", ".join(f"{k}×{v}" for k, v in json.loads(c["violations"]).items()) or "—"
                body.append(
                    f"<tr><td>{_e(c['period'])}</td><td>{c['calls']}</td><td>{c['mean_score']:g}</td>"
                    f"<td>{'' if c['prev_mean_score'] is None else c['prev_mean_score']}</td>"
                    f"<td>{_signed(c['trend'])}</td>"
                    f"<td>{c['rank_in_team']}/{c['team_size']}</td><td>{_e(viol)}</td></tr>"
                )
            body.append("</table>")
        month = max((c for c in mine if c["period_type"] == "month"), key=lambda c: c["period"])
        items = {names.get(k, k): v for k, v in json.loads(month["items"]).items()}
        body.append(bar_chart(items, maxima, f"评分项 rubric items, {month['period']}"))
        body.append(
            "<h2>通话 calls</h2><table><tr><th>call</th><th>started</th><th>score</th><th>veto</th></tr>"
        )
        for cs in sorted(
            (c for c in tables["call_scores"] if c["agent_id"] == agent),
            key=lambda c: c["started_at"],
        ):
            body.append(
                f"<tr><td>{_e(cs['call_id'])}</td><td>{_e(cs['started_at'][:16])}</td>"
                f"<td>{cs['score']:g}</td><td>{'是' if cs['veto'] else ''}</td></tr>"
            )
        body.append(
            "</table><h2>违规片段 flagged clips</h2><table><tr><th>rule</th><th>call</th><th>evidence</th><th>clip</th></tr>"
        )
        for r in clips_by_agent[agent]:
            body.append(
                f"<tr><td>{_e(r['rule_id'])}</td><td>{_e(r['call_id'])}</td><td>{_e(r['evidence'])}</td>"
                f'<td><audio controls preload="none" src="../{_e(r["clip"])}"></audio></td></tr>'
            )
        body.append("</table>")
        path = f"report/agent-{agent}.html"
        store.write_if_changed(path, _page(f"坐席 {agent}", "".join(body)))
        written.append(path)
    return written
