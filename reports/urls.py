"""The home page with its dashboard, and the monthly report."""

from django.urls import path

from reports import monthly, views

urlpatterns = [
    path("", views.home, name="home"),
    path("report/", monthly.monthly_report, name="monthly_report"),
]
