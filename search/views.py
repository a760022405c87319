"""The search box's page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from search.queries import find


@login_required
def search(request: HttpRequest) -> HttpResponse:
    term = request.GET.get("q", "")
    results = find(request.user, term)
    return render(
        request,
        "search/search.html",
        {
            "term": term,
            "results": {key: list(rows) for key, rows in results.items()},
            "found": any(len(rows) for rows in results.values()) if results else False,
        },
    )
