"""The simulator's POSTs are rate-limited per client address, like the API: each finished questionnaire
stores a row, and one client posting hundreds of times a minute is a robot, not a person."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from benefits.api.ratelimit import rate_limit_exceeded


class SimulatorRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if request.method == "POST":
            self.prefix = self.prefix or reverse("simulator:start")
            if request.path.startswith(self.prefix):
                wait = rate_limit_exceeded(
                    request, scope="simulator", limit=settings.SIMULATOR_RATE_LIMIT_PER_MINUTE
                )
                if wait is not None:
                    response = render(request, "benefits/simulator/too_many.html", {"wait": wait}, status=429)
                    response["Retry-After"] = str(wait)
                    return response
        return self.get_response(request)
