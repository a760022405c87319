from django.urls import path

from . import views

app_name = "offenders"

urlpatterns = [
    path("register/", views.OffenderList.as_view(), name="offender_list"),
    path("register/new/", views.offender_create, name="offender_create"),
    path("register/<int:pk>/", views.offender_detail, name="offender_detail"),
    path("register/<int:pk>/edit/", views.offender_edit, name="offender_update"),
    path("register/<int:pk>/<slug:step>/", views.offender_step, name="offender_step"),
]
