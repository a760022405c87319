"""Form pieces shared by the apps."""

from django.test import RequestFactory

from core.forms import bound_data


def test_a_post_binds_the_form_to_its_data():
    request = RequestFactory().post("/", {"left_on": "2022-03-01"})

    assert bound_data(request) is request.POST


def test_a_get_leaves_the_form_unbound_whatever_its_query():
    request = RequestFactory().get("/", {"left_on": "2022-03-01"})

    assert bound_data(request) is None
