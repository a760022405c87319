"""Two app servers (gunicorn, production settings) on one PostgreSQL, one Redis and one
S3-compatible bucket (moto's server): a sign-in on one is honoured by the other, and a
photo uploaded through one is served by the other. Neither keeps anything on its own
disk or in its own memory that the other needs."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid

import boto3
import pytest
import redis
from django.contrib.sessions.models import Session
from django.db import connection

from accounts.roles import COUNCIL_STAFF
from bench import appserver
from tests import factories
from tests.markers import app_servers

REDIS_URL = "redis://127.0.0.1:6379/15"

pytestmark = app_servers("several app servers share one PostgreSQL; SQLite is the one-server setup")


@pytest.fixture
def bucket():
    from moto.server import ThreadedMotoServer

    port = appserver.free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    name = f"policing-{uuid.uuid4().hex[:8]}"
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=name)
    yield {"name": name, "endpoint": endpoint, "client": client}
    server.stop()


@pytest.fixture
def servers(bucket, tmp_path):
    """Two gunicorn servers with production settings, each with its own media folder."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    db = connection.settings_dict
    env = appserver.production_env(
        f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL,
        DJANGO_S3_BUCKET=bucket["name"],
        DJANGO_S3_ENDPOINT_URL=bucket["endpoint"],
        DJANGO_S3_REGION="us-east-1",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    appserver.collect_static(env)
    started = []
    for name in ("a", "b"):
        port = appserver.free_port()
        media = tmp_path / f"media-{name}"
        process = appserver.start_gunicorn(env | {"DJANGO_MEDIA_ROOT": str(media)}, port)
        started.append((process, f"http://127.0.0.1:{port}", media))
    yield [(url, media) for _process, url, media in started]
    for process, _url, _media in started:
        appserver.stop(process)


class Browser:
    """urllib with one cookie jar: cookies of 127.0.0.1 go to either port."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str):
        return self.opener.open(url, timeout=30)

    def csrf_token(self, url: str) -> str:
        page = self.get(url).read().decode()
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found is not None, url
        return found.group(1)

    def post(self, url: str, fields: dict, files: dict | None = None):
        fields = {"csrfmiddlewaretoken": self.csrf_token(url), **fields}
        boundary = uuid.uuid4().hex
        body = b""
        for name, value in fields.items():
            body += (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            ).encode()
        for name, (filename, content) in (files or {}).items():
            body += (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
                ).encode()
                + content
                + b"\r\n"
            )
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(
            url,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": url,
            },
        )
        return self.opener.open(request, timeout=30)


def test_a_sign_in_and_an_upload_on_one_server_are_honoured_by_the_other(servers, bucket, settings):
    (server_a, media_a), (server_b, media_b) = servers
    # The servers check passwords with the production hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    factories.make_user(COUNCIL_STAFF, "staff")
    station = factories.make_station(name="Станція Старий Крим")
    browser = Browser()

    signed_in = browser.post(
        f"{server_a}/accounts/login/",
        {"username": "staff", "password": factories.PASSWORD},
    )
    assert urllib.parse.urlparse(signed_in.url).path == "/"
    home_on_b = browser.get(f"{server_b}/")
    assert urllib.parse.urlparse(home_on_b.url).path == "/"  # not sent to sign in
    assert not Session.objects.exists()  # the session lives in Redis
    assert redis.Redis.from_url(REDIS_URL).keys("policing:*")

    browser.post(
        f"{server_a}/stations/{station.pk}/edit/",
        {"name": station.name, "village": station.village_id, "address": "", "phone": ""},
        files={"photo": ("station.jpg", factories.image_bytes(size=(320, 200)))},
    )
    station.refresh_from_db()
    assert station.photo.name.startswith("stations/")
    photo_on_b = browser.get(f"{server_b}/media/{station.photo.name}")

    stored = bucket["client"].get_object(Bucket=bucket["name"], Key=f"media/{station.photo.name}")
    assert photo_on_b.read() == stored["Body"].read()
    assert not any(media_a.rglob("*.jpg"))
    assert not any(media_b.rglob("*.jpg"))
