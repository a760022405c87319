from django.urls import path

from .incidents import urls as incident_urls
from .views import districts, people, privacy, reception, shifts, timesheets

app_name = "officers"

urlpatterns = [
    path("officers/", people.OfficerList.as_view(), name="officer_list"),
    path("officers/new/", people.OfficerCreate.as_view(), name="officer_create"),
    path("officers/<int:pk>/", people.OfficerDetail.as_view(), name="officer_detail"),
    path("officers/<int:pk>/edit/", people.OfficerUpdate.as_view(), name="officer_update"),
    path("officers/<int:pk>/leave/", people.officer_leave, name="officer_leave"),
    path(
        "officers/<int:officer_pk>/trainings/new/",
        people.TrainingCreate.as_view(),
        name="training_create",
    ),
    path("trainings/<int:pk>/edit/", people.TrainingUpdate.as_view(), name="training_update"),
    path("me/", people.my_profile, name="my_profile"),
    path("districts/", districts.DistrictList.as_view(), name="district_list"),
    path("officers/<int:pk>/district/", districts.district_detail, name="district_detail"),
    path("shifts/", shifts.ShiftList.as_view(), name="shift_list"),
    path("shifts/start/", shifts.shift_start, name="shift_create"),
    path("shifts/review/", shifts.shift_queue, name="shift_queue"),
    path("shifts/<int:pk>/", shifts.shift_detail, name="shift_detail"),
    path("shifts/<int:pk>/end/", shifts.shift_end, name="shift_end"),
    path("shifts/<int:pk>/edit/", shifts.shift_edit, name="shift_edit"),
    path("shifts/<int:pk>/<slug:decision>/", shifts.shift_review, name="shift_review"),
    path("timesheets/stations/<int:pk>/", timesheets.station_timesheet, name="station_timesheet"),
    path("timesheets/stations/<int:pk>/close/", timesheets.month_close, name="month_close"),
    path("timesheets/officers/<int:pk>/", timesheets.officer_timesheet, name="officer_timesheet"),
    path("stations/<int:pk>/week/", timesheets.station_week, name="station_week"),
    path("villages/<int:pk>/notice/", reception.reception_notice, name="reception_notice"),
    path("public/<int:pk>/", reception.public_community, name="public_community"),
    path("public/officers/<int:pk>/photo/", reception.public_photo, name="public_photo"),
    path("privacy/subject-access/", privacy.subject_access, name="subject_access"),
    *incident_urls.urlpatterns,
]
