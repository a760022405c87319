"""The incidents' pages, named in the officers namespace (``officers:incident_list``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("incidents/", views.IncidentList.as_view(), name="incident_list"),
    path("incidents/new/", views.incident_create, name="incident_create"),
    path("incidents/map/", views.incident_map, name="incident_map"),
    path("incidents/map/data/", views.incident_map_data, name="incident_map_data"),
    path("incidents/views/", views.restricted_log, name="restricted_log"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/edit/", views.incident_edit, name="incident_update"),
    path("incidents/<int:pk>/parties/new/", views.party_add, name="party_add"),
    path("incidents/<int:pk>/parties/<int:party_pk>/", views.party_edit, name="party_edit"),
    path("incidents/<int:pk>/order/", views.order_edit, name="order_edit"),
    path("incidents/<int:pk>/step/<slug:step>/", views.incident_step, name="incident_step"),
    path(
        "incidents/<int:pk>/photos/<int:attachment_pk>/<slug:size>/",
        views.attachment_file,
        name="attachment_file",
    ),
]
