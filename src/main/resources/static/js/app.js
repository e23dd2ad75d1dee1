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

// A locality picker: choosing a suggestion shows the place's name in the field and puts its code in the hidden input
// the form submits (the field gives up its name meanwhile); typing again makes the field the one submitted, so a code
// typed by hand still works without a pick.
document.addEventListener("click", (event) => {
    const choice = event.target.closest("button.suggestion");
    if (!choice) {
        return;
    }
    const input = document.getElementById(choice.dataset.field);
    const code = document.getElementById(choice.dataset.field + "-code");
    if (code) {
        code.name = input.dataset.name || input.name;
        code.value = choice.dataset.code;
        code.disabled = false;
        input.dataset.name = code.name;
        input.removeAttribute("name");
        input.value = choice.dataset.name;
        // a value set by a script fires no change event: forms that follow the field (the report form's defaults) need one
        code.dispatchEvent(new Event("change", { bubbles: true }));
    } else {
        input.value = choice.dataset.code;
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    document.getElementById(choice.dataset.field + "-suggestions").replaceChildren();
    input.focus();
});
document.addEventListener("input", (event) => {
    const input = event.target;
    if (!input.dataset || !input.dataset.name || input.name) {
        return;
    }
    const code = document.getElementById(input.id + "-code");
    input.name = input.dataset.name;
    if (code) {
        code.disabled = true;
        code.value = "";
    }
});

// On a phone a list table wider than the screen becomes a card per row, each cell labelled with its column's heading
// (CSS: table.cards); a table that cannot (no one-row heading, merged cells) scrolls sideways in a region a keyboard can
// reach (axe: scrollable-region-focusable), named after the table's caption or the heading before it.
function asCards(table) {
    const heads = table.tHead && table.tHead.rows.length === 1 ? [...table.tHead.rows[0].cells] : null;
    if (!heads || heads.some((th) => th.colSpan > 1) || table.querySelector("tbody [colspan], tbody [rowspan]")) {
        return false;
    }
    for (const row of table.tBodies.length ? table.tBodies[0].rows : []) {
        [...row.cells].forEach((cell, i) => {
            const label = heads[i] && heads[i].textContent.trim();
            if (label && !cell.dataset.label && cell.tagName === "TD") {
                cell.dataset.label = label;
            }
        });
    }
    table.classList.add("cards");
    return true;
}

function focusableScrolls() {
    document.querySelectorAll("main table").forEach((table) => {
        const parent = table.parentElement;
        if (parent.classList.contains("scroll") || table.classList.contains("cards")
            || table.scrollWidth <= table.parentElement.clientWidth + 1) {
            return;
        }
        if (window.matchMedia("(max-width: 599px)").matches && table.classList.contains("list") && asCards(table)) {
            return;
        }
        const region = document.createElement("div");
        region.className = "scroll";
        region.tabIndex = 0;
        region.setAttribute("role", "region");
        let heading = table.caption;
        for (let node = table.previousElementSibling; !heading && node; node = node.previousElementSibling) {
            if (/^H[1-6]$/.test(node.tagName)) {
                heading = node;
            }
        }
        region.setAttribute("aria-label", "Bảng cuộn ngang" + (heading ? ": " + heading.textContent.trim() : ""));
        parent.insertBefore(region, table);
        region.appendChild(table);
    });
}
document.addEventListener("DOMContentLoaded", focusableScrolls);
document.addEventListener("htmx:afterSettle", focusableScrolls);

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
        if (element.offsetParent === null) {
            return; // hidden on a phone: the page shows lists instead
        }
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
