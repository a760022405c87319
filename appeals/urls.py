from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    path("appeals/", views.AppealList.as_view(), name="appeal_list"),
    path("appeals/new/", views.appeal_create, name="appeal_create"),
    path("appeals/<int:pk>/", views.appeal_detail, name="appeal_detail"),
    path("appeals/<int:pk>/edit/", views.appeal_edit, name="appeal_update"),
    path("appeals/<int:pk>/<slug:step>/", views.appeal_step, name="appeal_step"),
]
