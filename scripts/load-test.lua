-- wrk script for scripts/load-test.sh: counts answers by status and prints p50/p95/p99 and throughput in one line.
local counts = {}
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    for _, thread in ipairs(threads) do
        local s = thread:get("statuses")
        for status, n in pairs(s) do
            counts[status] = (counts[status] or 0) + n
        end
    end
    local parts = {}
    for status, n in pairs(counts) do
        table.insert(parts, status .. "=" .. n)
    end
    table.sort(parts)
    local seconds = summary.duration / 1e6
    io.write(string.format("requests %d  throughput %.1f/s  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms  "
            .. "timeouts %d  socket errors %d  statuses %s\n",
        summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, summary.errors.timeout,
        summary.errors.connect + summary.errors.read + summary.errors.write, table.concat(parts, " ")))
end
