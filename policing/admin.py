"""Django admin for users: an administrator gives a person a login and a role, and
resets a lost phone for two-factor sign-in."""

from typing import TYPE_CHECKING

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AdminUserCreationForm,
    UserChangeForm,
)
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import OFFICER, OFFICER_LOGIN_ROLES, Role, assign_role, user_role
from core.admin_paging import LargeTableAdmin
from officers.models import Officer
from officers.models.people import NOT_AN_OFFICER_LOGIN
from policing.models import User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class RoleFields(forms.ModelForm):
    """The role and, for officers, the officer record the login belongs to."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    officer = forms.ModelChoiceField(
        label=_("Officer record"),
        queryset=Officer.objects.select_related("station"),
        required=False,
        help_text=_("Required for the officer role: whose record this login is."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["role"].initial = user_role(self.instance)
            self.fields["officer"].initial = Officer.objects.filter(user=self.instance).first()
        taken = Officer.objects.filter(user__isnull=False)
        if self.instance.pk:
            taken = taken.exclude(user=self.instance)
        self.fields["officer"].queryset = self.fields["officer"].queryset.exclude(
            pk__in=taken.values("pk")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == OFFICER and not cleaned.get("officer"):
            self.add_error("officer", _("Choose the officer record for an officer's login."))
        if cleaned.get("officer") and cleaned.get("role") not in OFFICER_LOGIN_ROLES:
            self.add_error("officer", NOT_AN_OFFICER_LOGIN)
        return cleaned


class UserCreationForm(RoleFields, AdminUserCreationForm):
    # django-stubs 5.2.9 leaves out the forms' Meta (typeddjango/django-stubs#2112)
    class Meta(AdminUserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ["username"]


class UserEditForm(RoleFields, UserChangeForm):
    class Meta(UserChangeForm.Meta):  # type: ignore[name-defined]  # as above
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]


class InitialPasswordForm(AdminPasswordChangeForm):
    """A password an administrator sets is an initial one: its owner must replace it."""

    def save(self, commit=True):
        self.user.must_change_password = self.user.has_usable_password() or bool(
            self.cleaned_data.get("password1")
        )
        return super().save(commit=commit)


@admin.register(User)
class UserAdmin(LargeTableAdmin, DjangoUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    change_password_form = InitialPasswordForm
    list_display = ["username", "first_name", "last_name", "role", "is_active", "last_login"]
    list_filter = ["is_active", "groups"]
    add_fieldsets = (
        (None, {"fields": ("username", "usable_password", "password1", "password2")}),
        (_("Role"), {"fields": ("role", "officer")}),
    )
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role"), {"fields": ("role", "officer")}),
        (
            _("Access"),
            {"fields": ("is_active", "must_change_password", "last_login", "date_joined")},
        ),
    )
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("role"))
    def role(self, user: User) -> "StrOrPromise":
        role = user_role(user)
        return Role(role).label if role else "—"

    def save_model(self, request, obj, form, change):
        if not change or "password" in form.changed_data:
            # A password set by someone else is an initial one: the person replaces it.
            obj.must_change_password = obj.has_usable_password()
        super().save_model(request, obj, form, change)

    @transaction.atomic
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        assign_role(user, form.cleaned_data["role"])
        officer = form.cleaned_data.get("officer")
        for previous in Officer.objects.filter(user=user).exclude(pk=getattr(officer, "pk", None)):
            previous.user = None
            previous.save(update_fields=["user"])
        if officer is not None:
            officer.user = user
            officer.save(update_fields=["user"])


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class PhoneAdmin(LargeTableAdmin, admin.ModelAdmin):
    """Enrolled phones for two-factor sign-in. The secret keys are never shown; an
    administrator can only remove a lost phone, after which its owner enrols a new one
    at the next sign-in."""

    list_display = ["user", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__last_name"]
    list_select_related = ["user"]
    # a tuple, which types as readonly_fields too (a list types as one of field groups)
    fields = ("user", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
