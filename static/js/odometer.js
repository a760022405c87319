// The shift's start form: another car picked, its last reading goes into the odometer
// field, unless the officer has typed a reading of their own there.
document.querySelectorAll("select[name=vehicle]").forEach((select) => {
  const odometer = select.form?.querySelector("input[name=odometer_start]");
  if (!odometer) return;
  const reading = () => select.selectedOptions[0]?.dataset.km ?? "";
  let offered = reading();
  select.addEventListener("change", () => {
    if (odometer.value === "" || odometer.value === offered) odometer.value = reading();
    offered = reading();
  });
});
