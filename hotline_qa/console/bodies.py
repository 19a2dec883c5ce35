"""The console's write bodies: every field typed, unknown fields refused, nothing coerced (a
"false" is not a boolean, [1] is not a number). A wrong type is a 422 that names the field,
and nothing is stored."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Decision(Body):
    finding_id: str = Field(min_length=1)
    decision: Literal["confirmed", "rejected"]
    comment: str = ""
    reviewer: str = ""


class ManualScore(Body):
    call_id: str = Field(min_length=1)
    item_id: str = Field(min_length=1)
    points: float | None = None
    violated: bool = False
    comment: str = ""
    reviewer: str = ""


class OpenAppeal(Body):
    reason: str = ""
    finding_id: str = ""
    call_id: str = ""
    item_id: str = ""
    agent_id: str = ""


class DecideAppeal(Body):
    appeal_id: str = Field(min_length=1)
    ruling: Literal["upheld", "overturned"]
    comment: str = ""
    reviewer: str = ""
    points: float | None = None


class LineLabel(Body):
    """The line spoken at `at_s` is of this trigger class, or "none"."""

    call_id: str = Field(min_length=1)
    at_s: float = Field(ge=0)
    label: str = Field(min_length=1)
    reviewer: str = ""
