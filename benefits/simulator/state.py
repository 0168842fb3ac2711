"""Server-side state of one simulation in progress, in its own namespace of the session.

Nothing is carried in hidden fields. The namespace records which flow created it, so another flow
that would reuse the key (or a crafted session) cannot feed its data to the simulator.
"""

import secrets

SESSION_KEY = "simulator"
FLOW = "simulator-v1"


class SimulationState:
    def __init__(self, session):
        self.session = session
        data = session.get(SESSION_KEY)
        if not isinstance(data, dict) or data.get("flow") != FLOW:
            data = {"flow": FLOW, "id": secrets.token_urlsafe(16), "answers": {}, "month": None}
            session[SESSION_KEY] = data
        self.data = data

    @property
    def answers(self) -> dict:
        return self.data["answers"]

    def update(self, **values) -> None:
        self.data["answers"].update(values)
        self.session.modified = True

    def set_month(self, month: str) -> None:
        self.data["month"] = month
        self.session.modified = True

    @property
    def month(self) -> str | None:
        return self.data.get("month")

    def replace(self, answers: dict, month: str | None) -> None:
        self.data["answers"] = answers
        self.data["month"] = month
        self.session.modified = True

    def reset(self) -> None:
        self.session.pop(SESSION_KEY, None)
