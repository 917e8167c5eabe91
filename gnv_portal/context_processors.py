from gnv_portal import access


def portal(request):
    user = request.user
    return {
        "is_rss": access.is_rss(user),
        "is_reader": access.is_reader(user),
    }
