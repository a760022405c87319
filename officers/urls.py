from django.urls import path

from . import views

app_name = "officers"

urlpatterns = [
    path("officers/", views.OfficerList.as_view(), name="officer_list"),
    path("officers/new/", views.OfficerCreate.as_view(), name="officer_create"),
    path("officers/<int:pk>/", views.OfficerDetail.as_view(), name="officer_detail"),
    path("officers/<int:pk>/edit/", views.OfficerUpdate.as_view(), name="officer_update"),
    path("officers/<int:pk>/leave/", views.officer_leave, name="officer_leave"),
    path(
        "officers/<int:officer_pk>/trainings/new/",
        views.TrainingCreate.as_view(),
        name="training_create",
    ),
    path("trainings/<int:pk>/edit/", views.TrainingUpdate.as_view(), name="training_update"),
    path("me/", views.my_profile, name="my_profile"),
]
