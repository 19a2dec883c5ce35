// The console's only script: the reviewer's name, seeking the call audio, decisions and
// manual scores (JSON to the API), and waiting for the background rescore.
"use strict";

function reviewer() {
  const el = document.getElementById("reviewer");
  return el ? el.value.trim() : "";
}

function say(msg, bad) {
  let el = document.getElementById("flash");
  if (!el) {
    el = document.createElement("div");
    el.id = "flash";
    document.body.appendChild(el);
  }
  el.textContent = msg;
  el.className = bad ? "bad" : "";
}

async function post(url, body) {
  const r = await fetch(url, {
    method: "POST",
    headers: {"content-type": "application/json"},
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) {
    const d = data.detail;
    const msg = Array.isArray(d) ? d.map((e) => (e.loc || []).slice(1).join(".") + ": " + e.msg).join("; ") : d;
    throw new Error(msg || r.statusText);
  }
  return data;
}

// Poll the rescore until a newer generation than `since` is done, then reload.
async function waitForRescore(since) {
  const box = document.getElementById("rescore");
  const t0 = Date.now();
  for (;;) {
    const s = await (await fetch("/api/rescore", {credentials: "same-origin"})).json();
    if (s.generation > since && s.state !== "running" && s.state !== "queued") {
      if (s.state === "failed") { say("重新评分失败: " + s.error, true); return; }
      location.reload();
      return;
    }
    const secs = Math.round((Date.now() - t0) / 1000);
    box.className = "rescore running";
    box.textContent = "重新评分中… rescoring (" + secs + " s)";
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

function seek(t) {
  const p = document.getElementById("player");
  if (!p || isNaN(t)) return;
  p.currentTime = Math.max(0, t - 0.5);
  p.play().catch(() => {});
}

document.addEventListener("DOMContentLoaded", () => {
  const who = document.getElementById("reviewer");
  if (who && !who.readOnly) {
    who.value = localStorage.getItem("hqa-reviewer") || "";
    who.addEventListener("change", () => localStorage.setItem("hqa-reviewer", who.value.trim()));
  }
  const gen = Number(document.body.dataset.generation);
  const state = document.body.dataset.state;
  if (state === "running" || state === "queued") waitForRescore(gen);

  document.querySelectorAll("[data-t]").forEach((el) => {
    el.addEventListener("click", (e) => {
      if (el.tagName === "A") e.preventDefault();
      seek(parseFloat(el.dataset.t));
    });
  });
  const player = document.getElementById("player");
  const line = document.querySelector(".timeline");
  if (player && line) {
    const dur = parseFloat(line.dataset.duration);
    player.addEventListener("timeupdate", () => {
      const c = document.getElementById("cursor");
      if (c) c.style.left = (100 * player.currentTime / dur) + "%";
    });
    line.querySelectorAll(".bar").forEach((bar) => bar.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      const r = bar.getBoundingClientRect();
      seek(dur * (e.clientX - r.left) / r.width + 0.5);
    }));
  }

  document.querySelectorAll(".finding .decide button").forEach((b) => {
    b.addEventListener("click", async () => {
      const art = b.closest(".finding");
      if (!reviewer()) { say("请先填写复核人姓名。Enter the reviewer's name first.", true); return; }
      b.disabled = true;
      try {
        const res = await post("/api/decisions", {
          finding_id: art.dataset.finding,
          decision: b.dataset.decision,
          comment: art.querySelector(".comment").value,
          reviewer: reviewer(),
        });
        art.classList.add(b.dataset.decision);
        say(res.warning || ("已记录 recorded: " + b.dataset.decision), Boolean(res.warning));
        waitForRescore(res.rescore.generation);
      } catch (err) {
        say(err.message, true);
        b.disabled = false;
      }
    });
  });

  document.querySelectorAll(".appeal-form button.appeal").forEach((b) => {
    b.addEventListener("click", async () => {
      const reason = b.closest(".appeal-form").querySelector(".reason").value.trim();
      if (!reason) { say("请填写申诉理由。Give a reason.", true); return; }
      b.disabled = true;
      try {
        await post("/api/appeals", {finding_id: b.dataset.finding, reason: reason});
        say("已提交申诉 appeal filed");
        location.reload();
      } catch (err) { say(err.message, true); b.disabled = false; }
    });
  });

  document.querySelectorAll(".rule-appeal button").forEach((b) => {
    b.addEventListener("click", async () => {
      const box = b.closest(".rule-appeal");
      const row = b.closest("tr");
      if (!reviewer()) { say("请先填写复核人姓名。Enter the reviewer's name first.", true); return; }
      const pts = box.querySelector(".points");
      b.disabled = true;
      try {
        const res = await post("/api/appeals/decide", {
          appeal_id: row.dataset.appeal,
          ruling: b.dataset.ruling,
          comment: box.querySelector(".comment").value,
          points: pts && pts.value !== "" ? Number(pts.value) : null,
          reviewer: reviewer(),
        });
        say("已裁定 ruled: " + b.dataset.ruling);
        if (res.appeal.step === "overturned") waitForRescore(res.rescore.generation);
        else location.reload();
      } catch (err) { say(err.message, true); b.disabled = false; }
    });
  });

  document.querySelectorAll("form.manual").forEach((f) => {
    f.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!reviewer()) { say("请先填写复核人姓名。Enter the reviewer's name first.", true); return; }
      const pts = f.querySelector("[name=points]");
      const vio = f.querySelector("[name=violated]");
      try {
        const res = await post("/api/manual", {
          call_id: f.dataset.call,
          item_id: f.dataset.item,
          points: pts && pts.value !== "" ? Number(pts.value) : null,
          violated: vio ? vio.checked : false,
          comment: f.querySelector("[name=comment]").value,
          reviewer: reviewer(),
        });
        say("已保存 saved");
        waitForRescore(res.rescore.generation);
      } catch (err) {
        say(err.message, true);
      }
    });
  });
});

// 标注 a caller's line as a trigger class (or "none"): training data for `hotline-qa learn`.
document.querySelectorAll("select.label").forEach((sel) => {
  sel.addEventListener("click", (ev) => ev.stopPropagation());
  sel.addEventListener("change", async () => {
    if (!sel.value) return;
    try {
      await post("/api/labels", {call_id: sel.dataset.call, at_s: Number(sel.dataset.t),
                                 label: sel.value, reviewer: reviewer()});
      sel.options[0].textContent = "标注：" + sel.options[sel.selectedIndex].textContent;
      sel.value = "";
      say("已标注 labelled");
    } catch (e) {
      say("标注失败: " + e.message, true);
    }
  });
});
