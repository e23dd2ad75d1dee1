// Sends the CSRF token with every htmx request that changes something.
document.addEventListener("htmx:configRequest", (event) => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    if (header && token && event.detail.verb !== "get") {
        event.detail.headers[header.content] = token.content;
    }
});

// Shows how much of an uploaded file has been sent, then that the server is reading it.
document.addEventListener("htmx:xhr:progress", (event) => {
    const form = event.target.closest("form");
    const bar = form && form.querySelector("progress.upload");
    if (!bar || !event.detail.lengthComputable) {
        return;
    }
    const percent = Math.round((100 * event.detail.loaded) / event.detail.total);
    bar.value = percent;
    const state = form.querySelector(".upload-state");
    if (state) {
        state.textContent = percent < 100
            ? "Đang tải tệp lên… " + percent + "%"
            : "Đã tải lên, đang đọc và kiểm tra từng dòng…";
    }
});

// A locality picker: choosing a suggestion puts its code in the field and closes the list.
document.addEventListener("click", (event) => {
    const choice = event.target.closest("button.suggestion");
    if (!choice) {
        return;
    }
    const input = document.getElementById(choice.dataset.field);
    input.value = choice.dataset.code;
    // a value set by a script fires no change event: forms that follow the field (the report form's defaults) need one
    input.dispatchEvent(new Event("change", { bubbles: true }));
    document.getElementById(choice.dataset.field + "-suggestions").replaceChildren();
    input.focus();
});

// Attendance: one button ticks every member of the roster, or clears them all.
document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-check-all]");
    if (!button) {
        return;
    }
    const boxes = [...button.closest("form").querySelectorAll('input[type="checkbox"]:not(:disabled)[name="' + (button.dataset.checkAll || "memberIds") + '"]')];
    const tick = boxes.some((box) => !box.checked);
    boxes.forEach((box) => { box.checked = tick; });
});

// Charts of the dashboard: each element carries its ECharts options as JSON; the library is served by this site.
window.addEventListener("load", () => {
    if (!window.echarts) {
        return;
    }
    document.querySelectorAll("[data-chart]").forEach((element) => {
        const chart = window.echarts.init(element);
        chart.setOption(JSON.parse(element.dataset.chart));
        window.addEventListener("resize", () => chart.resize());
    });
});

// A form that asks first (data-confirm): the question replaces inline onsubmit handlers, which the CSP forbids.
document.addEventListener("submit", (event) => {
    const question = event.target.dataset && event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
