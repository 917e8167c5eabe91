from gnv_portal import access, hooks


def portal(request):
    user = request.user
    return {
        "is_rss": access.is_rss(user),
        "is_reader": access.is_reader(user),
        "nav_links": hooks.collect("home", "nav_links", user) if user.is_authenticated else [],
    }
