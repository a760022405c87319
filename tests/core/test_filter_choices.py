"""Filter selects keep their choices in Redis until a registry changes; whoever reads
every station gets a search box instead, which reads no choices at all."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

CHOICES = 'SELECT "stations_village"."id", "stations_village"."name" FROM'


def choice_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    # On PostgreSQL the choices come through a server-side cursor (DECLARE … FOR SELECT).
    return [q["sql"] for q in context.captured_queries if CHOICES in q["sql"]]


def test_choices_are_kept_until_a_village_changes(client, supervisor_user, village, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/12"  # what switches the keeping on
    client.force_login(supervisor_user)
    url = reverse("officers:incident_list")

    first = choice_queries(client, url)
    again = choice_queries(client, url)
    factories.make_village(village.community, name="Нове село", station=village.station)
    after_change = client.get(url).content.decode()

    assert len(first) == 1
    assert again == []
    assert "Нове село" in after_change


def test_without_redis_the_choices_are_read_each_time(client, supervisor_user, village):
    client.force_login(supervisor_user)
    url = reverse("officers:incident_list")

    assert len(choice_queries(client, url)) == len(choice_queries(client, url)) == 1


def test_staff_get_a_search_box_that_holds_only_the_chosen_village(
    client, staff_user, village, second_village
):
    client.force_login(staff_user)

    queries = choice_queries(client, reverse("officers:incident_list"))
    page = client.get(reverse("officers:incident_list"), {"village": village.pk})
    chosen = page.context["filter"].form["village"]

    assert queries == []
    assert 'role="combobox"' in str(chosen)
    assert f'<option value="{village.pk}" selected>Старий Крим</option>' in str(chosen)
    assert second_village.name not in str(chosen)


def test_a_chosen_category_and_order_stay_chosen_after_filtering(client, staff_user, village):
    client.force_login(staff_user)

    page = client.get(reverse("stations:village_list"), {"ordering": "-population"})
    form = (
        client.get(reverse("officers:incident_list"), {"category": "theft", "case_status": ""})
        .context["filter"]
        .form
    )

    assert '<option value="-population" selected>' in page.content.decode()
    assert '<option value="theft" selected>' in str(form["category"])
    assert '<option value="" selected>' in str(form["case_status"])  # "All"
    assert str(form["category"]).count(" selected") == 1
