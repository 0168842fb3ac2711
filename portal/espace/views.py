from django.shortcuts import render

from benefits.claims.selectors import claims_overview


def home(request):
    return render(
        request, "portal/espace/home.html", claims_overview(user=request.user, channel=request.channel)
    )
