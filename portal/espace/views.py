from django.shortcuts import render

from benefits.campaigns.selectors import campaign_messages
from benefits.claims.selectors import claims_overview
from benefits.letters.selectors import inbox_summary
from portal.agent_access import agents_to_their_desk


@agents_to_their_desk
def home(request):
    context = claims_overview(user=request.user, channel=request.channel)
    context.update(inbox_summary(user=request.user))
    context.update(campaign_messages(file=context["file"]))
    return render(request, "portal/espace/home.html", context)
