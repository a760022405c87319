"""The home page with its dashboard, the monthly report and the report to the council."""

from django.urls import path

from reports import council_page, monthly, views

urlpatterns = [
    path("", views.home, name="home"),
    path("report/", monthly.monthly_report, name="monthly_report"),
    path("report/council/", council_page.council_report, name="council_report"),
    path(
        "report/council/<int:officer_pk>/presented/",
        council_page.report_presented,
        name="council_report_presented",
    ),
]
