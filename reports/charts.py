"""Bar charts drawn on the server as inline SVG, with their numbers kept for a table.

No charting library and no script: the SVG is plain markup the page already carries,
readable in both languages, and the same rows feed the table beside it.

Geometry goes into the markup as machine numbers ("16.5", never the Ukrainian "16,5",
which an SVG reader takes for a list of two positions); the values a person reads are
localised by the template.
"""

from dataclasses import dataclass

# The viewBox is about as wide as a phone's card (some 300 px at 360 px), so text of 14
# units is drawn at 13 px or more there, and a little larger on a desktop.
WIDTH = 320
ROW_HEIGHT = 28
LABEL_WIDTH = 144
LABEL_CHARACTERS = 14
VALUE_ROOM = 40


def machine_number(value: float) -> str:
    """A number as SVG, CSS and JSON read it, whatever the page's language."""
    return f"{round(value, 2):g}"


@dataclass
class Bar:
    label: str
    value: float
    url: str = ""

    @property
    def short_label(self) -> str:
        """The label as drawn beside its bar; the full one goes into the bar's title."""
        if len(self.label) <= LABEL_CHARACTERS:
            return self.label
        return self.label[: LABEL_CHARACTERS - 1].rstrip() + "…"


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    more_url: str = ""  # the list behind the chart, where all rows are

    width = machine_number(WIDTH)
    label_width = machine_number(LABEL_WIDTH)
    bar_height = machine_number(ROW_HEIGHT - 8)

    @property
    def height(self) -> str:
        return machine_number(max(1, len(self.bars)) * ROW_HEIGHT + 8)

    def rows(self) -> list[dict]:
        """Geometry of each bar, scaled to the largest value, as machine numbers."""
        largest = max((bar.value for bar in self.bars), default=0) or 1
        room = WIDTH - LABEL_WIDTH - VALUE_ROOM
        rows = []
        for index, bar in enumerate(self.bars):
            length = max(2, round(room * bar.value / largest)) if bar.value else 0
            top = index * ROW_HEIGHT + 4
            rows.append(
                {
                    "bar": bar,
                    "y": machine_number(top),
                    "text_y": machine_number(top + (ROW_HEIGHT - 8) / 2 + 5),
                    "length": machine_number(length),
                    "value_x": machine_number(LABEL_WIDTH + length + 6),
                }
            )
        return rows
