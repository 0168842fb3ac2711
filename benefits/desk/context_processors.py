"""One header per role: an agent signed in to the desk sees the agent's links, never the allocataire's.

Read by templates/layout/_header.html (the tools) and layout/base.html (the mandate band on every page
the agent sees under a mandate, the person's own pages under /mon-espace/ included).
"""

from portal.agent_access import is_verified_agent


def desk(request) -> dict:
    in_desk = is_verified_agent(request)
    return {
        "agent_session": in_desk,
        "agent_campaigns": in_desk and request.user.has_perm("benefits.operate_campaign"),
        "agent_mandate": getattr(request, "mandate", None) if in_desk else None,
    }
