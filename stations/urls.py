from django.urls import path

from . import views

app_name = "stations"

urlpatterns = [
    path("communities/", views.CommunityList.as_view(), name="community_list"),
    path("communities/new/", views.CommunityCreate.as_view(), name="community_create"),
    path("communities/<int:pk>/", views.CommunityDetail.as_view(), name="community_detail"),
    path("communities/<int:pk>/edit/", views.CommunityUpdate.as_view(), name="community_update"),
    path("villages/", views.VillageList.as_view(), name="village_list"),
    path("villages/new/", views.VillageCreate.as_view(), name="village_create"),
    path("villages/<int:pk>/", views.VillageDetail.as_view(), name="village_detail"),
    path("villages/<int:pk>/edit/", views.VillageUpdate.as_view(), name="village_update"),
    path("stations/", views.StationList.as_view(), name="station_list"),
    path("stations/new/", views.StationCreate.as_view(), name="station_create"),
    path("stations/<int:pk>/", views.StationDetail.as_view(), name="station_detail"),
    path("stations/<int:pk>/edit/", views.StationUpdate.as_view(), name="station_update"),
]
