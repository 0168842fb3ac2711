"""allauth's FranceConnect+ application and tokens are not managed in /gestion/.

The FC+ client (its id and secret) comes from the environment (settings.SOCIALACCOUNT_PROVIDERS'
APPS): a SocialApp row typed in /gestion/ would be a second, unaudited place for that secret, which
allauth would also use. Access tokens are never stored (SOCIALACCOUNT_STORE_TOKENS = False), so their
list is always empty. The accounts' FC+ links (SocialAccount) stay visible: support reads them.
"""

from allauth.socialaccount.models import SocialApp, SocialToken

HIDDEN = (SocialApp, SocialToken)


def social_admin_hidden(site) -> None:
    for model in HIDDEN:
        if site.is_registered(model):
            site.unregister(model)
