"""A photo goes up on a village's signal: the phone's browser shrinks a camera's photo
before the incident form sends it."""

import pytest
from PIL import Image

from officers.models import Attachment, Incident
from tests import factories
from tests.e2e.test_location_on_phone import incident_form_on_phone

pytestmark = pytest.mark.e2e

MB = 1024 * 1024
PHOTO_FORM = "form:has(input[name=photo])"

CHOSEN = """() => {
  const file = document.querySelector("input[name=photo]").files[0];
  return createImageBitmap(file).then((image) => ({
    name: file.name, type: file.type, size: file.size, width: image.width, height: image.height,
  }));
}"""


def camera_file(tmp_path, name: str = "IMG_0001.JPG") -> tuple:
    """A 12 MP photo of a phone held upright: 4000 × 3000 pixels, EXIF says turn it."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to show
    exif[0x8825] = {1: "N", 2: (47.0, 9.0, 54.0), 3: "E", 4: (37.0, 29.0, 14.0)}  # GPS
    data = factories.camera_photo((4000, 3000), exif=exif)
    path = tmp_path / name
    path.write_bytes(data)
    return path, len(data)


def test_a_camera_photo_arrives_shrunk_to_1600_px(
    browser, live_server, officer_user, village, tmp_path, screenshot, settings
):
    path, size = camera_file(tmp_path)
    assert size > 5 * MB
    phone, page = incident_form_on_phone(browser, live_server)
    page.select_option("select[name=category]", "property_damage")
    page.select_option("select[name=village]", str(village.pk))
    page.fill("input[name=place]", "вул. Садова, 12")

    page.set_input_files("input[name=photo]", str(path))

    page.wait_for_selector("text=Фото зменшено до 1200 × 1600")
    chosen = page.evaluate(CHOSEN)
    assert chosen["name"] == "IMG_0001.jpg"
    assert chosen["type"] == "image/jpeg"
    assert (chosen["width"], chosen["height"]) == (1200, 1600)  # upright
    assert chosen["size"] < MB
    assert page.get_by_role("button", name="Зберегти чернетку").is_enabled()
    assert page.get_attribute(PHOTO_FORM, "data-busy") is None
    page.mouse.move(0, 0)
    screenshot(page, "incident-photo-phone")

    with page.expect_request(lambda r: r.method == "POST") as sent:
        page.get_by_role("button", name="Зберегти чернетку").click()
    page.wait_for_selector("text=збережено як чернетку")

    # the whole request, photo and form (Playwright keeps no multipart body to measure)
    assert int(sent.value.header_value("content-length") or MB) < MB
    incident = Incident.objects.get()
    stored = Image.open(settings.MEDIA_ROOT / Attachment.objects.get(incident=incident).image.name)
    assert stored.size == (1200, 1600)
    assert not stored.getexif()
    phone.close()


def test_a_small_photo_is_sent_as_it_is(browser, live_server, officer_user, village, tmp_path):
    path = tmp_path / "small.png"
    path.write_bytes(factories.image_bytes("PNG", size=(800, 600)))
    phone, page = incident_form_on_phone(browser, live_server)

    page.set_input_files("input[name=photo]", str(path))

    page.wait_for_selector("text=Фото вже достатньо мале")
    chosen = page.evaluate(CHOSEN)
    assert (chosen["name"], chosen["width"]) == ("small.png", 800)
    phone.close()


def test_a_file_the_browser_cannot_read_is_left_for_the_server(
    browser, live_server, officer_user, village, tmp_path
):
    path = tmp_path / "scene.jpg"
    path.write_bytes(b"not a photo at all")
    phone, page = incident_form_on_phone(browser, live_server)
    page.select_option("select[name=village]", str(village.pk))

    page.set_input_files("input[name=photo]", str(path))
    page.wait_for_selector("text=Браузер не зміг зменшити це фото")
    assert page.evaluate("document.querySelector('input[name=photo]').files[0].name") == (
        "scene.jpg"
    )
    page.get_by_role("button", name="Зберегти чернетку").click()

    page.wait_for_selector("text=Цей файл не є зображенням JPEG, PNG або WebP.")
    assert not Incident.objects.exists()
    phone.close()


def test_the_form_cannot_be_sent_while_the_photo_is_shrinking(
    browser, live_server, officer_user, village, tmp_path
):
    path, _size = camera_file(tmp_path)
    phone, page = incident_form_on_phone(browser, live_server)
    # Hold the decoding back until the test has looked at the form.
    page.evaluate("""() => {
      const decode = window.createImageBitmap;
      window.releasePhoto = null;
      const held = new Promise((resolve) => { window.releasePhoto = resolve; });
      window.createImageBitmap = (...args) => held.then(() => decode(...args));
    }""")

    page.set_input_files("input[name=photo]", str(path))

    page.wait_for_selector(f"{PHOTO_FORM}[data-busy]")
    assert page.get_by_role("button", name="Зберегти чернетку").is_disabled()
    page.evaluate("window.releasePhoto()")
    page.wait_for_selector(f"{PHOTO_FORM}:not([data-busy])")
    assert page.get_by_role("button", name="Зберегти чернетку").is_enabled()
    phone.close()


def test_on_a_slow_link_the_photo_goes_up_with_its_progress_shown(
    browser, live_server, officer_user, village, tmp_path
):
    path, _size = camera_file(tmp_path)
    phone, page = incident_form_on_phone(browser, live_server)
    page.select_option("select[name=category]", "theft")
    page.set_input_files("input[name=photo]", str(path))
    page.wait_for_selector("text=Фото зменшено до 1200 × 1600")
    village_signal = phone.new_cdp_session(page)  # 400 ms, 50 KB/s down, 25 KB/s up
    village_signal.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 400, "downloadThroughput": 51200, "uploadThroughput": 25600},
    )

    page.get_by_role("button", name="Зберегти чернетку").click()

    progress = page.locator("progress")
    progress.wait_for()
    assert page.get_by_text("Надсилання").is_visible()
    assert page.get_by_role("button", name="Зберегти чернетку").is_disabled()  # no second tap
    page.wait_for_selector("text=збережено як чернетку", timeout=120_000)
    assert Incident.objects.count() == 1
    assert Attachment.objects.count() == 1
    phone.close()
