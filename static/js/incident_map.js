// The incident map: points from the data URL, a list beside them that works without tiles.
(function () {
  const holder = document.getElementById("incident-map");
  const list = document.getElementById("incident-points");
  if (!holder) return;
  // Leaflet's own words are English: the page gives the zoom buttons theirs.
  const map = L.map(holder, { zoomControl: false }).setView([47.1, 37.5], 10);
  L.control
    .zoom({ zoomInTitle: holder.dataset.zoomIn, zoomOutTitle: holder.dataset.zoomOut })
    .addTo(map);
  map.attributionControl.setPrefix(false);
  // The data carries ISO dates (for machines); a person reads them in the page's language.
  const day = new Intl.DateTimeFormat(document.documentElement.lang, {
    day: "2-digit", month: "2-digit", year: "numeric",
  });
  if (holder.dataset.tiles) {
    L.tileLayer(holder.dataset.tiles, { maxZoom: 18 }).addTo(map);
  }
  fetch(holder.dataset.source, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((data) => {
      list.replaceChildren();
      const bounds = [];
      data.features.forEach((feature) => {
        const [lon, lat] = feature.geometry.coordinates;
        const p = feature.properties;
        bounds.push([lat, lon]);
        const marker = L.circleMarker([lat, lon], {
          radius: 7, color: p.restricted ? "#212529" : "#0b3d91", fillOpacity: 0.7,
        }).addTo(map);
        const link = document.createElement("a");
        link.href = p.url;
        link.textContent = `${p.number} · ${p.category}`;
        marker.bindPopup(link);
        const item = document.createElement("li");
        item.className = "list-group-item";
        const row = link.cloneNode(true);
        item.append(row, ` — ${p.village}, ${day.format(new Date(`${p.date}T12:00`))}`);
        list.append(item);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13, animate: false });
      if (!data.features.length) {
        const item = document.createElement("li");
        item.className = "list-group-item text-body-secondary";
        item.textContent = list.dataset.empty || "—";
        list.append(item);
      }
    });
})();
