package vn.khuyenhoc.shared;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.TestSpreadsheets;

/**
 * Heap and time of reading the uploads of issue 11 through {@link TabularFile#read} (not a test: excluded from
 * {@code ./mvnw verify}). Run with the heap the issue names:
 *
 * <pre>
 * ./mvnw test -Dtest=UploadBenchmark -DargLine=-Xmx512m -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
 * </pre>
 *
 * Each file is made first and kept in memory; then, after a GC, a thread samples the used heap every 5 ms while the
 * file is read. Growth is the highest sample minus the used heap before reading.
 */
class UploadBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    @Test
    void uploads() throws Exception {
        System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);

        byte[] dense = TestSpreadsheets.dense(22_000, 100);
        report("dense XLSX, 22,000 rows x 100 columns of random numbers", "day.xlsx", dense);

        byte[] distinct = TestSpreadsheets.distinct(16_000, 100);
        report("XLSX of distinct 9-digit numbers, 16,000 rows x 100 columns (nothing shared)", "so.xlsx", distinct);

        List<String> villages = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            villages.add(String.format("24133-%03d", i));
        }
        byte[] households = TestSpreadsheets.households(200_000, villages);
        report("household XLSX, 200,000 rows x 7 columns", "ho.xlsx", households);

        byte[] xls = xls(22_000);
        report("XLS under the 4 MB cap, 22,000 rows x 7 columns", "ho.xls", xls);
    }

    private static void report(String label, String name, byte[] content) throws Exception {
        long sheet = sheetBytes(name, content);
        System.gc();
        Thread.sleep(200);
        long before = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong sampled = new AtomicLong(before);
        AtomicLong afterGc = new AtomicLong(before);
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                long used = info.getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum();
                afterGc.accumulateAndGet(used, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        String outcome;
        TabularFile file = null;
        try {
            file = TabularFile.read(name, content);
            outcome = "read " + file.rows().size() + " rows";
        } catch (InvalidInputException e) {
            outcome = "refused: " + e.getMessage();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        System.gc();
        Thread.sleep(200);
        long retained = MEMORY.getHeapMemoryUsage().getUsed() - before;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(listener);
        }
        System.out.printf(
                "%s: file %.1f MB, sheet XML %.1f MB; %s; %d ms; heap growth: %d MB live after GC (peak), %d MB used"
                        + " (peak sample, garbage included), %d MB kept by the result%n",
                label,
                content.length / 1048576.0,
                sheet / 1048576.0,
                outcome,
                ms,
                (afterGc.get() - before) >> 20,
                (sampled.get() - before) >> 20,
                retained >> 20);
        if (file != null && file.rows().isEmpty()) {
            System.out.println("(no rows)");
        }
    }

    /** The inflated size of the first sheet's XML (0 for an .xls). */
    private static long sheetBytes(String name, byte[] content) throws IOException {
        if (!name.endsWith(".xlsx")) {
            return 0;
        }
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("bench-", ".xlsx");
        try {
            java.nio.file.Files.write(copy, content);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.toFile())) {
                ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                if (sheet != null) {
                    try (var in = zip.getInputStream(sheet)) {
                        return in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(copy);
        }
        return 0;
    }

    private static byte[] xls(int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("24133-" + (r % 400));
                row.createCell(1).setCellValue("Nguyễn Văn " + r);
                for (int c = 2; c < 7; c++) {
                    row.createCell(c).setCellValue(random.nextInt(1_000_000));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
