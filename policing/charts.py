"""Bar charts drawn on the server as inline SVG, with their numbers kept for a table.

No charting library and no script: the SVG is plain markup the page already carries,
readable in both languages, and the same rows feed the table beside it.
"""

from dataclasses import dataclass


@dataclass
class Bar:
    label: str
    value: float
    url: str = ""


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    more_url: str = ""  # the list behind the chart, where all rows are
    width: int = 420
    row_height: int = 26
    label_width: int = 160

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * self.row_height + 8

    def rows(self) -> list[dict]:
        """Geometry of each bar, scaled to the largest value."""
        largest = max((bar.value for bar in self.bars), default=0) or 1
        room = self.width - self.label_width - 50
        return [
            {
                "bar": bar,
                "y": index * self.row_height + 4,
                "text_y": index * self.row_height + 4 + self.row_height * 0.62,
                "length": max(2, round(room * bar.value / largest)) if bar.value else 0,
                "value_x": self.label_width + max(2, round(room * bar.value / largest)) + 6,
            }
            for index, bar in enumerate(self.bars)
        ]
