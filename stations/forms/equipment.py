from core.forms import ScopedModelForm
from stations.models import EquipmentItem


class EquipmentItemForm(ScopedModelForm):
    class Meta:
        model = EquipmentItem
        fields = [
            "kind",
            "model_name",
            "serial_number",
            "inventory_number",
            "station",
            "status",
            "vehicle",
            "notes",
        ]

    def clean_inventory_number(self) -> str:
        return self.cleaned_data["inventory_number"].strip().upper()

    def clean_serial_number(self) -> str:
        return self.cleaned_data["serial_number"].strip().upper()
