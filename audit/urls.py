from django.urls import path

from audit.views import AuditLog

app_name = "audit"

urlpatterns = [path("audit/", AuditLog.as_view(), name="auditentry_list")]
