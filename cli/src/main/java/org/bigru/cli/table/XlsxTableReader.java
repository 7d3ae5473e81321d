package org.bigru.cli.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlRuntimeException;
import org.bigru.cli.BadInputException;

/**
 * Reads one sheet of an Excel .xlsx workbook with Apache POI (the first sheet unless one is named). Numbers
 * keep full precision, dates become text (so a date column that is not the index is reported as not
 * numeric), formulas give their cached result, and wholly empty rows are skipped.
 */
public final class XlsxTableReader {

  private XlsxTableReader() {
  }

  public static RawTable read(Path file, String sheetName, boolean hasHeader) throws IOException {
    TableLimits.checkFile(file, TableLimits.MAX_WORKBOOK_BYTES);
    ZipSecureFile.setMaxEntrySize(TableLimits.MAX_WORKBOOK_ENTRY_BYTES);
    String source = file.getFileName().toString();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
         XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
      Sheet sheet = chooseSheet(source, workbook, sheetName);
      String where = source + " sheet '" + sheet.getSheetName() + "'";
      DataFormatter formatter = new DataFormatter();
      List<String> header = null;
      List<String[]> rows = new ArrayList<>();
      List<Integer> rowNumbers = new ArrayList<>();
      for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || row.getLastCellNum() <= 0) {
          continue;
        }
        int width = header == null ? row.getLastCellNum() : Math.max(header.size(), row.getLastCellNum());
        String[] cells = new String[width];
        boolean empty = true;
        for (int c = 0; c < width; c++) {
          try {
            cells[c] = text(row.getCell(c), formatter);
          } catch (IllegalStateException e) {
            // POI's typed getters refuse a cell whose stored value contradicts its declared type
            throw new BadInputException(where + " row " + (r + 1) + " column " + (c + 1) + ": a malformed cell ("
                + e.getMessage() + ")", e);
          }
          empty &= cells[c].isEmpty();
        }
        if (empty) {
          continue;
        }
        if (header == null) {
          header = hasHeader ? Headers.fromRow(where, cells) : Headers.generated(cells.length);
          if (hasHeader) {
            continue;
          }
        }
        for (int c = header.size(); c < cells.length; c++) {
          if (!cells[c].isEmpty()) {
            throw new BadInputException(where + " row " + (r + 1) + ": a value in column " + (c + 1)
                + ", beyond the " + header.size() + " columns of the header");
          }
        }
        rows.add(cells.length == header.size() ? cells : Arrays.copyOf(cells, header.size()));
        rowNumbers.add(r + 1);
        TableLimits.checkCells(source, rows.size(), header.size());
      }
      if (header == null) {
        throw new BadInputException(where + " holds no rows");
      }
      if (rows.isEmpty()) {
        throw new BadInputException(where + " has a header but no data rows");
      }
      return new RawTable(source, header, rows, rowNumbers.stream().mapToInt(Integer::intValue).toArray());
    } catch (InvalidFormatException | OpenXML4JRuntimeException | EncryptedDocumentException | POIXMLException
             | XmlRuntimeException | IOException | IllegalArgumentException e) {
      // IllegalArgumentException: POI's UnsupportedFileFormatException, and XMLBeans' report of an out-of-range
      // attribute (a cell reference, a style index).
      if (isZipBomb(e)) {
        throw new BadInputException(source + " was refused: it expands far more than a real workbook", e);
      }
      throw new BadInputException(source + " is not a readable .xlsx workbook: " + rootMessage(e), e);
    }
  }

  /** POI reports an entry that inflates beyond its limits as an IOException, often wrapped. */
  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message: POI's wrappers repeat it behind class names. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static Sheet chooseSheet(String source, XSSFWorkbook workbook, String sheetName) {
    if (workbook.getNumberOfSheets() == 0) {
      throw new BadInputException(source + " has no sheets");
    }
    if (sheetName == null) {
      return workbook.getSheetAt(0);
    }
    Sheet sheet = workbook.getSheet(sheetName);
    if (sheet == null) {
      List<String> names = new ArrayList<>();
      workbook.forEach(s -> names.add(s.getSheetName()));
      throw new BadInputException(source + " has no sheet '" + sheetName + "' (sheets: "
          + String.join(", ", names) + ")");
    }
    return sheet;
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    switch (type) {
      case NUMERIC:
        if (DateUtil.isCellDateFormatted(cell)) {
          return formatter.formatCellValue(cell).trim();
        }
        return Double.toString(cell.getNumericCellValue());
      case STRING:
        return cell.getStringCellValue().trim();
      case BOOLEAN:
        return Boolean.toString(cell.getBooleanCellValue());
      case ERROR:
        return "#ERROR";
      default:
        return "";
    }
  }
}
