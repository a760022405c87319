// "Use my location" on the incident form: the browser's position fills latitude and
// longitude, with its accuracy said. Asked only when the officer taps; without this
// script (or without geolocation) the button stays hidden and the fields are typed.
function offerLocation() {
  document.querySelectorAll("[data-locate]").forEach(offer);
}

function offer(button) {
  if (!("geolocation" in navigator)) return;
  const form = button.closest("form");
  const latitude = form.querySelector("[name=latitude]");
  const longitude = form.querySelector("[name=longitude]");
  const status = document.getElementById(button.getAttribute("aria-describedby"));
  if (!latitude || !longitude || !status) return;
  // beside the coordinates it fills
  const box = button.closest("[data-locate-box]");
  longitude.closest(".mb-3")?.after(box);
  button.hidden = false;
  const say = (text) => { status.textContent = text; };
  form.addEventListener("reset", () => say(""));  // a form sent offline starts afresh
  button.addEventListener("click", () => {
    say(button.dataset.asking);
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        latitude.value = position.coords.latitude.toFixed(5);
        longitude.value = position.coords.longitude.toFixed(5);
        const metres = Math.round(position.coords.accuracy);
        say(button.dataset.found.replace("%(metres)s", String(metres)));
        button.disabled = false;
      },
      (error) => {
        say(error.code === error.PERMISSION_DENIED ? button.dataset.denied : button.dataset.failed);
        button.disabled = false;
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  });
}

offerLocation();
// keep.js put the form back with its errors in place of the page's content
document.addEventListener("cpo:page", offerLocation);
