from django.urls import path

from .views import equipment, fleet, handovers, reports, territory

app_name = "stations"

urlpatterns = [
    path("communities/", territory.CommunityList.as_view(), name="community_list"),
    path("communities/new/", territory.CommunityCreate.as_view(), name="community_create"),
    path("communities/<int:pk>/", territory.CommunityDetail.as_view(), name="community_detail"),
    path(
        "communities/<int:pk>/edit/",
        territory.CommunityUpdate.as_view(),
        name="community_update",
    ),
    path("villages/", territory.VillageList.as_view(), name="village_list"),
    path("villages/new/", territory.VillageCreate.as_view(), name="village_create"),
    path("villages/<int:pk>/", territory.VillageDetail.as_view(), name="village_detail"),
    path("villages/<int:pk>/edit/", territory.VillageUpdate.as_view(), name="village_update"),
    path("stations/", territory.StationList.as_view(), name="station_list"),
    path("stations/new/", territory.StationCreate.as_view(), name="station_create"),
    path("stations/<int:pk>/", territory.StationDetail.as_view(), name="station_detail"),
    path("stations/<int:pk>/edit/", territory.StationUpdate.as_view(), name="station_update"),
    path("vehicles/", fleet.VehicleList.as_view(), name="vehicle_list"),
    path("vehicles/new/", fleet.VehicleCreate.as_view(), name="vehicle_create"),
    path("vehicles/<int:pk>/", fleet.VehicleDetail.as_view(), name="vehicle_detail"),
    path("vehicles/<int:pk>/edit/", fleet.VehicleUpdate.as_view(), name="vehicle_update"),
    path(
        "vehicles/<int:pk>/<str:entry>/new/",
        fleet.vehicle_logbook_add,
        name="vehicle_logbook_add",
    ),
    path("equipment/", equipment.EquipmentItemList.as_view(), name="equipmentitem_list"),
    path("equipment/new/", equipment.EquipmentItemCreate.as_view(), name="equipmentitem_create"),
    path(
        "equipment/<int:pk>/",
        equipment.EquipmentItemDetail.as_view(),
        name="equipmentitem_detail",
    ),
    path(
        "equipment/<int:pk>/edit/",
        equipment.EquipmentItemUpdate.as_view(),
        name="equipmentitem_update",
    ),
    path("acts/", handovers.HandoverList.as_view(), name="handover_list"),
    path("acts/issue/", handovers.handover_issue, name="handover_create"),
    path("acts/return/", handovers.handover_return, name="handover_return"),
    path("acts/<int:pk>/", handovers.HandoverDetail.as_view(), name="handover_detail"),
    path("acts/<int:pk>/confirm/", handovers.handover_confirm, name="handover_confirm"),
    path("acts/<int:pk>/print/", handovers.handover_print, name="handover_print"),
    path("custody/", reports.custody_report, name="custody_report"),
    path("custody/<slug:report>/", reports.custody_report, name="custody_report"),
]
