/**
 * Roster import: a school's students and guardians from CSV or XLSX, one line per (student, guardian) pair.
 *
 * <p>Flow: {@link cn.jiaxiao.provisioning.roster.RosterFile} reads the file ({@code CsvReader} /
 * {@code XlsxReader}, {@code HeaderMap}); {@link cn.jiaxiao.provisioning.roster.RosterImporter} validates the
 * lines ({@code LineValidator} with {@code ClassDirectory}), reads the matching database state
 * ({@code RosterSnapshot}), lists the changes ({@code PlanBuilder}) and, on apply, writes them in one
 * transaction ({@code PlanApplier}).
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>A guardian <em>is</em> his mobile number (one person per phone, enforced by a unique index on the
 *       keyed hash). A guardian line with a new number is a new guardian; the old one keeps his row (message
 *       archives refer to it) and loses only the link the file no longer lists. Renaming or a new e-mail for a
 *       known number changes that guardian everywhere, also for his children outside the scope.</li>
 *   <li>Removal is narrow: only students of classes that appear in the file at least once (and that the
 *       scope covers) are removed when the file doesn't list them; a class the file doesn't mention is left
 *       alone. A student with any bad line keeps all his guardian links.</li>
 *   <li>A file without guardian columns leaves guardian links alone; a file without an e-mail column keeps
 *       stored e-mail addresses. A blank relation is stored as {@value LineValidator#DEFAULT_RELATION}.</li>
 *   <li>Line numbers are what the user sees: Excel's row number; for CSV the physical line a record starts on
 *       (header = 1). Line 0 means the file as a whole.</li>
 *   <li>Mobile numbers and e-mail addresses appear masked in plans, errors and logs, never in clear.</li>
 * </ul>
 */
package cn.jiaxiao.provisioning.roster;
