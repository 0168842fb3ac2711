from django.conf import settings


class SecurityHeadersMiddleware:
    """Headers Django does not set by itself: Permissions-Policy, and no caching of personal pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            # A shared PC in a CAF office must not show a person's file through the back button.
            response.setdefault("Cache-Control", "no-store")
        return response
