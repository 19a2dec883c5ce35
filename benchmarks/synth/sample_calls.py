"""The scripted calls of recordings_sample/: every rule family, one clean call.

python -m benchmarks.synth.sample_calls recordings_sample
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth.callgen import build

A1 = {"f0": 1.0, "speed": 1.0, "gain": 0.7}
A2 = {"f0": 0.85, "speed": 1.05, "gain": 0.7}
A3 = {"f0": 1.12, "speed": 0.95, "gain": 0.65}
C1 = {"f0": 1.3, "speed": 0.95, "gain": 0.6}
C2 = {"f0": 0.75, "speed": 1.1, "gain": 0.7}

GREET = "您好，请问有什么可以帮您？"
CLOSE_Q = "请问您还有问题需要咨询吗？"
BYE = "感谢您的来电，再见。"


def specs() -> list[dict]:
    base = {"started_at": "2026-11-27T09:00:00", "team": "一组"}
    return [
        {
            **base,
            "call_id": "S01",
            "agent_id": "8001",
            "agent_name": "张敏",
            "voices": {"agent": A1, "caller": C1},
            "started_at": "2026-11-27T09:05:00",
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": "你好，我想问一下失业保险金怎么领取。"},
                {"who": "agent", "text": "您需要先到社保经办机构办理失业登记，然后提交申请。"},
                {"who": "caller", "text": "好的，需要带什么材料？"},
                {"who": "agent", "text": "请带上身份证和解除劳动合同的证明。"},
                {"who": "caller", "text": "明白了，谢谢。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ],
        },
        {
            **base,
            "call_id": "S02",
            "agent_id": "8001",
            "agent_name": "张敏",
            "voices": {"agent": A1, "caller": C2},
            "started_at": "2026-11-27T10:12:00",
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": "我的社保卡丢了，我不知道该去哪里办。"},
                {"who": "agent", "text": "这不关我的事，你问别的部门吧。", "label": "forbidden.18"},
                {"who": "caller", "text": "你们不就是管社保的吗？"},
                {"who": "agent", "text": "我不清楚这个。", "label": "forbidden.17"},
                {"who": "caller", "text": "那算了。"},
                {"who": "agent", "text": BYE},
            ],
            "call_labels": ["closing.question_missing"],
        },
        {
            **base,
            "call_id": "S03",
            "agent_id": "8002",
            "agent_name": "李强",
            "team": "二组",
            "voices": {"agent": A2, "caller": C1},
            "started_at": "2026-11-27T11:20:00",
            "turns": [
                {"who": "agent", "text": "喂，你说。"},
                {
                    "who": "caller",
                    "text": "我想咨询一下养老保险在外地交的能不能转回来，我在广东交了五年。",
                },
                {
                    "who": "agent",
                    "text": "可以转移的，这个很简单。",
                    "overlap": 2.2,
                    "label": "interruption",
                },
                {"who": "caller", "text": "那要怎么办理？"},
                {"who": "agent", "text": "嗯。", "overlap": 0.6},
                {"who": "agent", "text": "你到参保地的社保经办机构申请转移就可以了。", "gap": 0.6},
                {"who": "caller", "text": "好的，知道了。"},
            ],
            "call_labels": ["greeting.missing", "closing.missing", "closing.question_missing"],
        },
        {
            **base,
            "call_id": "S04",
            "agent_id": "8002",
            "agent_name": "李强",
            "team": "二组",
            "voices": {"agent": A2, "caller": C2},
            "started_at": "2026-11-27T14:02:00",
            "ring_seconds": 22,
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": "我想查一下我的医疗保险报销比例。"},
                {"who": "agent", "text": "先生，请稍等，不要挂机，我立即帮您查询。"},
                {"who": "caller", "text": "好的。", "gap": 0.4},
                {"hold": 42, "labels": ["hold.no_checkin"]},
                {
                    "who": "agent",
                    "text": "感谢您的耐心等待，门诊报销比例是百分之五十。",
                    "gap": 0.0,
                },
                {"who": "caller", "text": "好的，谢谢。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ],
            "call_labels": ["answer.slow"],
        },
        {
            **base,
            "call_id": "S05",
            "agent_id": "8003",
            "agent_name": "王芳",
            "team": "二组",
            "voices": {"agent": A3, "caller": C1},
            "started_at": "2026-11-27T15:40:00",
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": "我想问一下工伤认定需要多长时间。"},
                {"who": "agent", "text": "女士，请稍等，不要挂机，我立即帮您查询。"},
                {"hold": 96, "checkins": [28, 58, 86], "cti": True, "labels": ["hold.too_long"]},
                {
                    "who": "agent",
                    "text": "感谢您的耐心等待，工伤认定一般在六十日内作出决定。",
                    "gap": 0.0,
                },
                {"who": "caller", "text": "好的，明白了。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了，谢谢。"},
                {"who": "agent", "text": BYE},
            ],
        },
        {
            **base,
            "call_id": "S06",
            "agent_id": "8003",
            "agent_name": "王芳",
            "team": "二组",
            "voices": {"agent": A3, "caller": C2},
            "started_at": "2026-11-27T16:10:00",
            "hangup_by": "agent",
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": "我想问一下灵活就业人员怎么交社保。"},
                {"silence": 12, "labels": ["dead_air"]},
                {"who": "agent", "text": "您可以到社保经办机构办理灵活就业参保登记。", "gap": 0.0},
                {"who": "caller", "text": "好的。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ],
            "call_labels": ["hangup.agent_first"],
        },
        {
            **base,
            "call_id": "S07",
            "agent_id": "8001",
            "agent_name": "张敏",
            "agent_channel": "mono",
            "voices": {"agent": A1, "caller": C2},
            "started_at": "2026-11-27T16:45:00",
            "turns": [
                {"who": "agent", "text": GREET},
                {
                    "who": "caller",
                    "text": "我打了好几次电话都打不通，你们能不能快一点。",
                    "label": "situation.wait.no_apology",  # 四(五): no apology for the wait
                },
                {"who": "agent", "text": "你着什么急啊，催什么催。", "label": "forbidden.07"},
                {"who": "caller", "text": "我想问一下退休手续怎么办。"},
                {"who": "agent", "text": "退休手续需要单位统一办理。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ],
        },
        {
            **base,
            "call_id": "S08",
            "agent_id": "8003",
            "agent_name": "王芳",
            "team": "二组",
            "voices": {"agent": A3, "caller": C1},
            "started_at": "2026-11-27T17:20:00",
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": "我上次问过了，还是不明白失业金怎么领。"},
                {"who": "agent", "text": "刚才不是跟你说了嘛，怎么又问。", "label": "forbidden.11"},
                {"who": "caller", "text": "那你再说一遍吧。"},
                {"who": "agent", "text": "请稍等，不要挂机，我立即帮您查询。"},
                {"hold": 50, "checkins": [25]},
                {
                    "who": "agent",
                    "text": "感谢您的耐心等待，您可以在网上申请失业保险金。",
                    "gap": 0.0,
                },
                {"who": "caller", "text": "好的。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ],
        },
    ]


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "recordings_sample")
    build(specs(), out, Path("/tmp/hotline-qa-tts-cache"))
    print(f"wrote {len(specs())} calls to {out}")
