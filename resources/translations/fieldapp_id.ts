<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>AddSessionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="60" />
        <source>Add observation session</source>
        <translation>Tambah sesi pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="67" />
        <source>BM</source>
        <translation>BM</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="68" />
        <source>Auxiliary point (Titik Bantu)</source>
        <translation>Titik Bantu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="69" />
        <source>JKHN / CORS station</source>
        <translation>Stasiun JKHN / CORS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="74" />
        <source>rover</source>
        <translation>rover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="75" />
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="76" />
        <source>reference</source>
        <translation>referensi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="82" />
        <source>metres, e.g. {0}</source>
        <translation>meter, mis. {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="85" />
        <source>vertical</source>
        <translation>tegak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="86" />
        <source>slant</source>
        <translation>miring</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="89" />
        <source>antenna radius for a slant height, m</source>
        <translation>jari-jari antena untuk tinggi miring, m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="96" />
        <source>bottom of mount</source>
        <translation>dasar dudukan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="103" />
        <source>Add files…</source>
        <translation>Tambah berkas…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="116" />
        <source>Point</source>
        <translation>Titik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="117" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="118" />
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="119" />
        <source>Antenna height before / after</source>
        <translation>Tinggi antena sebelum / sesudah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="121" />
        <source>Measured</source>
        <translation>Diukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="122" />
        <source>Antenna radius</source>
        <translation>Jari-jari antena</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="123" />
        <source>Measured to</source>
        <translation>Diukur ke</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="125" />
        <source>Antenna</source>
        <translation>Antena</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="126" />
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="127" />
        <source>Serial number</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="128" />
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="129" />
        <source>Raw / RINEX files</source>
        <translation>Berkas mentah / RINEX</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="159" />
        <source>Raw (UBX, RTCM 3) or RINEX files</source>
        <translation>Berkas mentah (UBX, RTCM 3) atau RINEX</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="177" />
        <source>⚠ Before and after differ by {0} mm (more than 5 mm): measure again</source>
        <translation>⚠ Sebelum dan sesudah berbeda {0} mm (lebih dari 5 mm): ukur ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="187" />
        <source>Name the point.</source>
        <translation>Isi nama titik.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="193" />
        <source>Antenna heights: type metres, e.g. {0}</source>
        <translation>Tinggi antena: ketik dalam meter, mis. {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="197" />
        <source>Antenna heights must be between 0 and 10 m.</source>
        <translation>Tinggi antena harus antara 0 dan 10 m.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="207" />
        <source>A slant height needs the antenna radius (metres, under the height).</source>
        <translation>Tinggi miring memerlukan jari-jari antena (meter, lebih kecil dari tingginya).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="211" />
        <source>Add the session's raw or RINEX files.</source>
        <translation>Tambahkan berkas mentah atau RINEX sesi ini.</translation>
    </message>
</context>
<context>
    <name>AfterHeightRow</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="257" />
        <source>Antenna height after (m)</source>
        <translation>Tinggi antena sesudah (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="258" />
        <source>measure again, e.g. 1,800</source>
        <translation>ukur lagi, mis. 1,800</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="277" />
        <source>Measure the antenna height again now that the session is over, and type it before saving.</source>
        <translation>Ukur lagi tinggi antena setelah pengamatan selesai, lalu ketik sebelum menyimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="280" />
        <source>Antenna height after: type a number of metres from {0} to {1}</source>
        <translation>Tinggi antena sesudah: ketik angka dalam meter dari {0} sampai {1}</translation>
    </message>
</context>
<context>
    <name>BackgroundPanel</name>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="43" />
        <source>No background map yet: add an MBTiles, GeoPackage, PMTiles or GeoTIFF file.</source>
        <translation>Belum ada latar peta: tambahkan berkas MBTiles, GeoPackage, PMTiles atau GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="44" />
        <source>Copy the file into the job folder? A copy travels with the job; a link keeps one file for several jobs but must stay where it is.</source>
        <translation>Salin berkas ke folder pekerjaan? Salinan ikut terbawa bersama pekerjaan; tautan memakai satu berkas untuk beberapa pekerjaan tetapi berkas itu tidak boleh dipindahkan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="56" />
        <location filename="../../fieldapp/ui/background_panel.py" line="244" />
        <source>Background maps</source>
        <translation>Latar peta</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="69" />
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="70" />
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="71" />
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="72" />
        <source>Remove…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="79" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="82" />
        <source>Opacity</source>
        <translation>Kepekatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="90" />
        <source>Top of the list is drawn on top; tick to show.</source>
        <translation>Yang teratas di daftar digambar paling atas; centang untuk menampilkan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="109" />
        <source>{0} (file not found)</source>
        <translation>{0} (berkas tidak ditemukan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="122" />
        <source>The job is read-only: backgrounds cannot be changed.</source>
        <translation>Pekerjaan ini hanya-baca: latar peta tidak dapat diubah.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="215" />
        <location filename="../../fieldapp/ui/background_panel.py" line="221" />
        <source>Add a background map</source>
        <translation>Tambah latar peta</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="216" />
        <source>Background maps ({0})</source>
        <translation>Latar peta ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="223" />
        <source>Copy into the job</source>
        <translation>Salin ke pekerjaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="224" />
        <source>Link to the file</source>
        <translation>Tautkan ke berkas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="235" />
        <source>Remove the background {0} from the job?</source>
        <translation>Hapus latar peta {0} dari pekerjaan?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="237" />
        <source>Its copy in the job folder is deleted.</source>
        <translation>Salinannya di folder pekerjaan ikut dihapus.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="238" />
        <source>Remove background</source>
        <translation>Hapus latar peta</translation>
    </message>
</context>
<context>
    <name>BaseChoice</name>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="74" />
        <source>The base station announces a position {0} m from {1}</source>
        <translation>Stasiun base mengumumkan posisi {0} m dari {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="78" />
        <source>The base station announces {1}, {0} m apart: it agrees</source>
        <translation>Posisi yang diumumkan stasiun base berselisih {0} m dari {1}: sesuai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="86" />
        <source>A control point of the job (BM, Titik Bantu, JKHN) or an NTRIP mountpoint</source>
        <translation>Titik kontrol pekerjaan (BM, Titik Bantu, JKHN) atau mountpoint NTRIP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="89" />
        <source>No base named: the NTRIP mountpoint is recorded</source>
        <translation>Base tidak diisi: mountpoint NTRIP yang dicatat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="94" />
        <source>{0} fits more than one control point</source>
        <translation>{0} cocok dengan lebih dari satu titik kontrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="97" />
        <source>{0}: not a control point of the job</source>
        <translation>{0}: bukan titik kontrol pekerjaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="105" />
        <source>from static baseline #{0}</source>
        <translation>dari baseline statik #{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="107" />
        <source>imported coordinate</source>
        <translation>koordinat impor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="111" />
        <source>Job control point {0} ({1}): its coordinate now is recorded</source>
        <translation>Titik kontrol pekerjaan {0} ({1}): koordinatnya saat ini ikut dicatat</translation>
    </message>
</context>
<context>
    <name>BaselinePanel</name>
    <message>
        <location filename="../../fieldapp/ui/base_position.py" line="25" />
        <source>Base position: type latitude, longitude and height, e.g. {0}</source>
        <translation>Posisi base: ketik lintang, bujur dan tinggi elipsoid, mis. {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_position.py" line="31" />
        <source>Base position: latitude, longitude or height out of range</source>
        <translation>Posisi base: lintang, bujur atau tinggi di luar rentang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="176" />
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Rover</source>
        <translation>Rover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="177" />
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="178" />
        <source>Process baseline</source>
        <translation>Proses baseline</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="179" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="180" />
        <source>Accept into control</source>
        <translation>Terima</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="181" />
        <source>Base position</source>
        <translation>Posisi base</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="183" />
        <source>From the file header</source>
        <translation>Dari header berkas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="185" />
        <source>The approximate position in the base's RINEX header: not a control coordinate</source>
        <translation>Posisi pendekatan di header RINEX base: bukan koordinat kontrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Solution</source>
        <translation>Solusi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Length</source>
        <translation>Panjang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="189" />
        <source>σ E / N / U</source>
        <translation>σ E / N / U</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="189" />
        <source>Duration</source>
        <translation>Lama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="189" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Rule</source>
        <translation>Ketentuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Verdict</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Required</source>
        <translation>Syarat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="206" />
        <source>from the job's control: {0}</source>
        <translation>dari titik kontrol pekerjaan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="211" />
        <source>lat lon h, when the base is not in control</source>
        <translation>lintang bujur h, bila base belum ada di titik kontrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="256" />
        <source>Reason: {0}</source>
        <translation>Alasan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="286" />
        <source>✔ meets</source>
        <translation>✔ memenuhi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="286" />
        <source>✘ does not meet</source>
        <translation>✘ tidak memenuhi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="300" />
        <source>Meets every rule of 697/1996.</source>
        <translation>Memenuhi semua ketentuan 697/1996.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="303" />
        <source>Does not meet: {0}</source>
        <translation>Tidak memenuhi: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="313" />
        <source>Rover {0}°, {1}° · {2} · vector E/N/U {3} m</source>
        <translation>Rover {0}°, {1}° · {2} · vektor E/N/U {3} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="317" />
        <source>{0} epochs every {1} s · {2}</source>
        <translation>{0} epoch tiap {1} s · {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="330" />
        <source>Choose two different points for rover and base.</source>
        <translation>Pilih dua titik berbeda untuk rover dan base.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="350" />
        <source>No position in the header of {0}'s files.</source>
        <translation>Tidak ada posisi di header berkas {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="371" />
        <source>Processing {0} against {1}…</source>
        <translation>Memproses {0} terhadap {1}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="380" />
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="411" />
        <source>Processing cancelled; nothing was stored.</source>
        <translation>Pemrosesan dibatalkan; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="413" />
        <source>Processing failed: {0}</source>
        <translation>Pemrosesan gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="418" />
        <source>Processed and stored.</source>
        <translation>Selesai diproses dan disimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="455" />
        <source>Cannot accept: {0}</source>
        <translation>Tidak dapat diterima: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="457" />
        <source>{0} accepted into control.</source>
        <translation>{0} diterima sebagai titik kontrol.</translation>
    </message>
</context>
<context>
    <name>Bullseye</name>
    <message>
        <location filename="../../fieldapp/ui/widgets.py" line="156" />
        <source>{0} cm per ring</source>
        <translation>{0} cm per lingkaran</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/widgets.py" line="157" />
        <source>{0} m per ring</source>
        <translation>{0} m per lingkaran</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="113" />
        <source>Compliance calendar</source>
        <translation>Kalender kepatuhan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="115" />
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="115" />
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="115" />
        <source>What</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="117" />
        <source>Export .ics…</source>
        <translation>Ekspor .ics…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="118" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="139" />
        <source>Today {0}: {1} overdue, {2} due within {3} days, {4} later.</source>
        <translation>Hari ini {0}: {1} terlambat, {2} jatuh tempo dalam {3} hari, {4} kemudian.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="150" />
        <source>{0} days overdue</source>
        <translation>terlambat {0} hari</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="150" />
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="153" />
        <source>today</source>
        <translation>hari ini</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="155" />
        <source>{0} days ago</source>
        <translation>{0} hari yang lalu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="157" />
        <source>in {0} days</source>
        <translation>{0} hari lagi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="168" />
        <source>Nothing due: no date follows from the job's data yet.</source>
        <translation>Tidak ada tenggat: data pekerjaan belum menghasilkan tanggal apa pun.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="179" />
        <source>Export the calendar</source>
        <translation>Ekspor kalender</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="193" />
        <source>Not exported: {0}</source>
        <translation>Tidak diekspor: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="196" />
        <source>Exported to {0}.</source>
        <translation>Diekspor ke {0}.</translation>
    </message>
</context>
<context>
    <name>CalendarTexts</name>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="64" />
        <source>Maintenance report</source>
        <translation>Laporan pemeliharaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="65" />
        <source>Marker inspection</source>
        <translation>Pemeriksaan tanda batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="66" />
        <source>KPO data update</source>
        <translation>Pemutakhiran data KPO</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="67" />
        <source>RKAB window opens</source>
        <translation>Jendela RKAB dibuka</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="68" />
        <source>RKAB window closes</source>
        <translation>Jendela RKAB ditutup</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="37" />
        <source>No camera support: QtMultimedia is not installed.</source>
        <translation>Kamera tidak didukung: QtMultimedia tidak terpasang.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="44" />
        <source>No camera support: the multimedia backend failed.</source>
        <translation>Kamera tidak didukung: backend multimedia gagal.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="47" />
        <source>No camera was found on this machine. Add photo files instead.</source>
        <translation>Tidak ada kamera di perangkat ini. Tambahkan berkas foto saja.</translation>
    </message>
</context>
<context>
    <name>CameraButton</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="103" />
        <source>No camera</source>
        <translation>Tanpa kamera</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="123" />
        <source>Camera – marker {0}</source>
        <translation>Kamera – tanda batas {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="133" />
        <source>Capture</source>
        <translation>Ambil foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="136" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="147" />
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="148" />
        <source>Direction</source>
        <translation>Arah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="204" />
        <source>Point the camera and press Capture.</source>
        <translation>Arahkan kamera lalu tekan Ambil foto.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="214" />
        <source>The camera is not ready yet.</source>
        <translation>Kamera belum siap.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="217" />
        <source>Capturing…</source>
        <translation>Mengambil foto…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="221" />
        <source>Camera error: {0}</source>
        <translation>Kesalahan kamera: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="224" />
        <source>Capture failed: {0}</source>
        <translation>Gagal mengambil foto: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="232" />
        <source>Choose a marker first.</source>
        <translation>Pilih tanda batas terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="240" />
        <source>Photo not saved: {0}</source>
        <translation>Foto tidak tersimpan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="243" />
        <source>Saved {0} ({1}) as photo {2} of marker {3}.</source>
        <translation>Tersimpan {0} ({1}) sebagai foto {2} tanda batas {3}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="246" />
        <source>Photo saved: {0}</source>
        <translation>Foto tersimpan: {0}</translation>
    </message>
</context>
<context>
    <name>ControlPointsPage</name>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="51" />
        <source>no geoid grid</source>
        <translation>tidak ada grid geoid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="53" />
        <source>h is the ellipsoidal height; H = h − N is the orthometric height above the geoid {0}.</source>
        <translation>h adalah tinggi elipsoid; H = h − N adalah tinggi ortometrik di atas geoid {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Point</source>
        <translation>Titik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="58" />
        <source>h ellipsoid (m)</source>
        <translation>h elipsoid (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="58" />
        <source>H orthometric (m)</source>
        <translation>H ortometrik (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="58" />
        <source>Origin</source>
        <translation>Asal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="72" />
        <source>BM</source>
        <translation>BM</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="72" />
        <source>Titik Bantu</source>
        <translation>Titik Bantu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="73" />
        <source>JKHN</source>
        <translation>JKHN</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="79" />
        <source>tied to {0}</source>
        <translation>diikat ke {0}</translation>
    </message>
</context>
<context>
    <name>ControlTexts</name>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="26" />
        <source>Observation duration</source>
        <translation>Lama pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="27" />
        <source>Recording interval</source>
        <translation>Interval perekaman</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="28" />
        <source>Elevation mask</source>
        <translation>Sudut elevasi minimum</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="29" />
        <source>Ambiguities fixed</source>
        <translation>Ambiguitas fixed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="30" />
        <source>σ horizontal</source>
        <translation>σ horizontal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="31" />
        <source>σ vertical</source>
        <translation>σ vertikal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="38" />
        <location filename="../../fieldapp/ui/control_texts.py" line="92" />
        <source>{0} h {1} min {2} s</source>
        <translation>{0} jam {1} menit {2} detik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="41" />
        <location filename="../../fieldapp/ui/control_texts.py" line="93" />
        <source>{0} h {1} min</source>
        <translation>{0} jam {1} menit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="42" />
        <source>{0} h</source>
        <translation>{0} jam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="46" />
        <location filename="../../fieldapp/ui/control_texts.py" line="97" />
        <source>(ratio {0})</source>
        <translation>(rasio {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="52" />
        <source>for a baseline under 20 km</source>
        <translation>untuk baseline di bawah 20 km</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="53" />
        <source>for a baseline of 20 km or more</source>
        <translation>untuk baseline 20 km atau lebih</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="65" />
        <source>Converting {0}…</source>
        <translation>Mengonversi {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="68" />
        <source>Processing epoch {0}…</source>
        <translation>Memproses epoch {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="71" />
        <source>Reading the solution…</source>
        <translation>Membaca solusi…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="78" />
        <source>accepted with a reason</source>
        <translation>diterima (alasan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="80" />
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="81" />
        <source>accepted</source>
        <translation>diterima</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="82" />
        <source>superseded</source>
        <translation>digantikan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="113" />
        <source>no phase solution</source>
        <translation>tanpa solusi fase</translation>
    </message>
</context>
<context>
    <name>ControlView</name>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="53" />
        <location filename="../../fieldapp/ui/control_view.py" line="103" />
        <source>Add session…</source>
        <translation>Tambah sesi…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="56" />
        <location filename="../../fieldapp/ui/control_view.py" line="104" />
        <location filename="../../fieldapp/ui/control_view.py" line="197" />
        <source>Field sheet (PDF)</source>
        <translation>Formulir lapangan (PDF)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="100" />
        <source>Observation sessions</source>
        <translation>Sesi pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="101" />
        <source>Baselines</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="102" />
        <source>Control points</source>
        <translation>Titik kontrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Point</source>
        <translation>Titik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="107" />
        <source>Antenna height before / after</source>
        <translation>Tinggi antena sebelum / sesudah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="107" />
        <source>Start (GPST)</source>
        <translation>Mulai (GPST)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>End (GPST)</source>
        <translation>Selesai (GPST)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>Epochs</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="126" />
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="126" />
        <source>rover</source>
        <translation>rover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="127" />
        <source>reference</source>
        <translation>referensi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="130" />
        <source>BM</source>
        <translation>BM</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="130" />
        <source>Titik Bantu</source>
        <translation>Titik Bantu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="131" />
        <source>JKHN</source>
        <translation>JKHN</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="151" />
        <source>slant</source>
        <translation>miring</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="151" />
        <source>vertical</source>
        <translation>tegak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="168" />
        <source>Before and after differ by {0} mm (more than 5 mm)</source>
        <translation>Sebelum dan sesudah berbeda {0} mm (lebih dari 5 mm)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="199" />
        <source>Field sheet saved: {0}</source>
        <translation>Formulir lapangan disimpan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="219" />
        <source>Add session</source>
        <translation>Tambah sesi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="221" />
        <source>Session stored for {0}.</source>
        <translation>Sesi pengamatan {0} disimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="227" />
        <source>Recording stopped; nothing was received.</source>
        <translation>Perekaman dihentikan; tidak ada data yang diterima.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="235" />
        <source>Raw data recorded</source>
        <translation>Data mentah terekam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="236" />
        <source>Create an observation session from {0}?</source>
        <translation>Buat sesi pengamatan dari {0}?</translation>
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="281" />
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="281" />
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="282" />
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="282" />
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="283" />
        <source>Access</source>
        <translation>Akses</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="283" />
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="284" />
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="288" />
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="289" />
        <source>Save description</source>
        <translation>Simpan deskripsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="290" />
        <source>Reference marker (point cannot take a marker)</source>
        <translation>Tanda Batas Referensi (titik tidak dapat dipasang)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="291" />
        <source>Record current position as reference</source>
        <translation>Simpan posisi sekarang sebagai referensi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="292" />
        <source>Berita acara checklist</source>
        <translation>Kelengkapan berita acara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="310" />
        <source>Occupation passed</source>
        <translation>Pengamatan lulus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="311" />
        <source>Staked position recorded</source>
        <translation>Posisi dipatok tercatat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="312" />
        <source>Description complete</source>
        <translation>Deskripsi lengkap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="316" />
        <source>Photos missing: {0}</source>
        <translation>Foto belum ada: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="318" />
        <source>All photo directions</source>
        <translation>Foto semua arah lengkap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="321" />
        <source>Witnesses missing: {0}</source>
        <translation>Saksi belum ada: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="323" />
        <source>Witnesses present</source>
        <translation>Saksi lengkap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="332" />
        <source>Description saved.</source>
        <translation>Deskripsi tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="339" />
        <source>No position yet: connect the receiver first.</source>
        <translation>Belum ada posisi: hubungkan receiver dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="345" />
        <source>Reference marker saved: azimuth {0}°, distance {1} m</source>
        <translation>Tanda Batas Referensi tersimpan: azimut {0}°, jarak {1} m</translation>
    </message>
</context>
<context>
    <name>DesignHeightPage</name>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="69" />
        <source>Design height</source>
        <translation>Tinggi desain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="70" />
        <source>Mark as measured</source>
        <translation>Tanda terukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="71" />
        <source>Give the design height</source>
        <translation>Isi tinggi desain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="72" />
        <source>H orthometric (above the geoid)</source>
        <translation>H ortometrik (di atas geoid)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="73" />
        <source>h ellipsoidal</source>
        <translation>h elipsoid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="74" />
        <source>metres</source>
        <translation>meter</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="75" />
        <source>Save design height</source>
        <translation>Simpan tinggi desain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="94" />
        <source>given as orthometric H</source>
        <translation>diberikan sebagai H ortometrik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="96" />
        <source>given as ellipsoidal h</source>
        <translation>diberikan sebagai h elipsoid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="105" />
        <source>no passing occupation yet</source>
        <translation>belum ada pengamatan yang lulus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="108" />
        <source>{0}°, {1}° · {2}</source>
        <translation>{0}°, {1}° · {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="121" />
        <source>Type the height in metres, e.g. 12,5.</source>
        <translation>Ketik tinggi dalam meter, mis. 12,5.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="125" />
        <source>The job's geoid grid is missing: import it again.</source>
        <translation>Grid geoid pekerjaan hilang dari folder pekerjaan: impor lagi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="129" />
        <source>Not saved: {0}</source>
        <translation>Belum tersimpan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="131" />
        <source>Design height of {0} saved.</source>
        <translation>Tinggi desain {0} tersimpan.</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="124" />
        <source>Receiver and instrument</source>
        <translation>Receiver dan instrumen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="129" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="130" />
        <source>Serial / Bluetooth port</source>
        <translation>Port serial / Bluetooth</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="131" />
        <source>TCP (Wi-Fi)</source>
        <translation>TCP (Wi-Fi)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="132" />
        <source>Replay a capture file</source>
        <translation>Putar ulang berkas rekaman</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="139" />
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="149" />
        <source>Browse…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="155" />
        <source>Profiles…</source>
        <translation>Profil…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="160" />
        <source>Total station…</source>
        <translation>Total station…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="166" />
        <source>NTRIP corrections</source>
        <translation>Koreksi NTRIP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="167" />
        <source>Total station</source>
        <translation>Total station</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="161" />
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="73" />
        <source>Bluetooth incoming: not the receiver's port</source>
        <translation>Bluetooth masuk: bukan port penerima</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="162" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="163" />
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="164" />
        <source>TCP host</source>
        <translation>Host TCP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="165" />
        <source>Replay file</source>
        <translation>Berkas putar ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="214" />
        <source>No corrections</source>
        <translation>Tanpa koreksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="233" />
        <source>Capture file</source>
        <translation>Berkas rekaman</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="113" />
        <source>Berita acara</source>
        <translation>Berita acara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="115" />
        <source>Marker descriptions</source>
        <translation>Deskripsi tanda batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="117" />
        <source>Stake-out report</source>
        <translation>Laporan stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="118" />
        <source>Deliverables folder (PDF, XLSX, DXF, photos)</source>
        <translation>Folder laporan (PDF, XLSX, DXF, foto)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="121" />
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="123" />
        <source>name of the person signing</source>
        <translation>nama penanda tangan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="125" />
        <source>Browse…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="127" />
        <source>Build</source>
        <translation>Buat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="129" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="134" />
        <source>Choose the documents and press Build.</source>
        <translation>Pilih dokumen lalu tekan Buat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="149" />
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="150" />
        <source>Signs for the permit holder</source>
        <translation>Penanda tangan pemegang IUP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="154" />
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="159" />
        <source>Build documents</source>
        <translation>Buat dokumen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="170" />
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="170" />
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="172" />
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="173" />
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="179" />
        <source>Documents in the folder</source>
        <translation>Dokumen di folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Copy</source>
        <translation>Salinan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="193" />
        <source>Print log</source>
        <translation>Catatan pencetakan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="228" />
        <source>All installed markers</source>
        <translation>Semua tanda batas terpasang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="231" />
        <source>Marker {0}</source>
        <translation>Tanda batas {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="236" />
        <source>Folder for the documents</source>
        <translation>Folder untuk dokumen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="269" />
        <source>Choose at least one document to build.</source>
        <translation>Pilih minimal satu dokumen untuk dibuat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="282" />
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="291" />
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="296" />
        <source>Document {0} of {1}: {2}</source>
        <translation>Dokumen {0} dari {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="309" />
        <source>Done: {0}</source>
        <translation>Selesai: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="314" />
        <source>Cancelled; nothing half-written was left.</source>
        <translation>Dibatalkan; tidak ada berkas setengah jadi yang tertinggal.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="316" />
        <source>Finished before: {0}</source>
        <translation>Yang sudah selesai: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="320" />
        <source>Failed.</source>
        <translation>Gagal.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="321" />
        <source>The build failed.</source>
        <translation>Pembuatan dokumen gagal.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="341" />
        <source>DRAF: not final; its last page lists what is missing</source>
        <translation>DRAF: belum final; halaman terakhirnya memuat daftar kekurangan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="385" />
        <source>free</source>
        <translation>bebas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="387" />
        <source>{0} (superseded)</source>
        <translation>{0} (digantikan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="391" />
        <source>Nomor {0}</source>
        <translation>Nomor {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="393" />
        <source>superseded by Nomor {0}</source>
        <translation>digantikan oleh Nomor {0}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="19" />
        <source>{0}: not a fieldapp job (no {1} inside)</source>
        <translation>{0}: bukan pekerjaan fieldapp (tidak ada {1} di dalamnya)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="21" />
        <source>{0}: already exists; choose another name or open it</source>
        <translation>{0}: sudah ada; pilih nama lain atau buka pekerjaan itu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="23" />
        <source>{0}: cannot open the job database: {1}</source>
        <translation>{0}: basis data pekerjaan tidak dapat dibuka: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="25" />
        <source>The job was saved by a newer fieldapp (schema {0}; this one knows up to {1}): update fieldapp to open it</source>
        <translation>Pekerjaan ini disimpan oleh fieldapp yang lebih baru (skema {0}; versi ini hanya sampai {1}): perbarui fieldapp untuk membukanya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="28" />
        <source>job {0} is read-only ({1}); copy it to a writable folder to change it</source>
        <translation>pekerjaan {0} hanya baca ({1}); salin ke folder yang bisa ditulisi untuk mengubahnya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="30" />
        <source>opened read-only</source>
        <translation>dibuka hanya baca</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="31" />
        <source>its folder is not writable</source>
        <translation>foldernya tidak bisa ditulisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="32" />
        <source>{0} is not writable</source>
        <translation>{0} tidak bisa ditulisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="33" />
        <source>it cannot be written: {0}</source>
        <translation>tidak bisa ditulisi: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="35" />
        <source>{0}: not an image that can be read</source>
        <translation>{0}: bukan gambar yang dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="36" />
        <source>{0}: no such file</source>
        <translation>{0}: berkas tidak ada</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="37" />
        <source>{0}: not a file</source>
        <translation>{0}: bukan berkas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="39" />
        <source>port {0} not found (unplugged, or Bluetooth not paired?)</source>
        <translation>port {0} tidak ditemukan (kabel tercabut, atau Bluetooth belum dipasangkan?)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="41" />
        <source>port {0} is busy (another program has it open?)</source>
        <translation>port {0} sedang dipakai (dibuka program lain?)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="43" />
        <source>no permission to open port {0} (on Linux: add the user to 'dialout')</source>
        <translation>tidak ada izin membuka port {0} (di Linux: masukkan pengguna ke grup 'dialout')</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="44" />
        <source>choose a serial port</source>
        <translation>pilih port serial</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="45" />
        <source>choose a capture file to replay</source>
        <translation>pilih berkas rekaman untuk diputar ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="47" />
        <source>not started</source>
        <translation>belum dimulai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="48" />
        <source>opening {0}</source>
        <translation>membuka {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="49" />
        <source>{0} opened, waiting for data</source>
        <translation>{0} terbuka, menunggu data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="50" />
        <source>{0} opened again, waiting for data</source>
        <translation>{0} terbuka kembali, menunggu data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="51" />
        <source>{0}: epochs arriving</source>
        <translation>{0}: epoch masuk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="53" />
        <source>{0}: no epoch for {1} s; bytes arrive but no epoch (wrong baud rate, or no NMEA output?)</source>
        <translation>{0}: tidak ada epoch selama {1} dtk; data masuk tetapi bukan epoch (baud rate salah, atau keluaran NMEA mati?)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="55" />
        <source>{0}: no epoch for {1} s; no data at all (receiver off, or not sending?)</source>
        <translation>{0}: tidak ada epoch selama {1} dtk; tidak ada data sama sekali (receiver mati, atau tidak mengirim?)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="56" />
        <source>{0}; retrying</source>
        <translation>{0}; mencoba lagi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="57" />
        <source>{0}; reconnecting</source>
        <translation>{0}; menyambung ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="58" />
        <source>raw log failed: {0}</source>
        <translation>perekaman data mentah gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="59" />
        <source>{0} closed</source>
        <translation>{0} ditutup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="62" />
        <source>job {0} is in use by {1} ({2}; PID {3} on host {4} since {5}); wait for it or close it</source>
        <translation>pekerjaan {0} sedang dipakai oleh {1} ({2}; PID {3} di komputer {4} sejak {5}); tunggu sampai selesai atau tutup program itu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="64" />
        <source>job {0} is in use by this program ({1}); wait for it</source>
        <translation>pekerjaan {0} sedang dipakai oleh program ini ({1}); tunggu sampai selesai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="66" />
        <source>{0}: not enough free space to {1}: about {2} needed, {3} free; free some space (or move the job to a bigger disk) and try again</source>
        <translation>{0}: ruang kosong tidak cukup untuk {1}: perlu sekitar {2}, tersedia {3}; kosongkan sebagian ruang (atau pindahkan pekerjaan ke disk yang lebih besar) lalu coba lagi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="67" />
        <source>sealing a package</source>
        <translation>menyegel paket</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="68" />
        <source>importing a photo</source>
        <translation>mengimpor foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="69" />
        <source>saving a camera photo</source>
        <translation>menyimpan foto kamera</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="70" />
        <source>starting an occupation</source>
        <translation>memulai pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="71" />
        <source>import the photo</source>
        <translation>mengimpor foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="72" />
        <source>seal a package</source>
        <translation>menyegel paket</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="73" />
        <source>record the occupation</source>
        <translation>merekam pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="74" />
        <source>open the job</source>
        <translation>membuka pekerjaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="77" />
        <source>base point {0} is not in the job's control: type its position (latitude, longitude, ellipsoidal height in SRGI2013) or take it from the file header, or import it as a JKHN or BM control point</source>
        <translation>titik base {0} belum ada di titik kontrol pekerjaan: ketik posisinya (lintang, bujur, tinggi elipsoid SRGI2013) atau ambil dari header berkas, atau impor sebagai titik kontrol JKHN atau BM</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="79" />
        <source>base point {0} has no height in the job's control: type its position (latitude, longitude, ellipsoidal height in SRGI2013)</source>
        <translation>titik base {0} tidak punya tinggi di titik kontrol pekerjaan: ketik posisinya (lintang, bujur, tinggi elipsoid SRGI2013)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="81" />
        <source>no observation session on point {0} in the job: add the session first</source>
        <translation>belum ada sesi pengamatan di titik {0}: tambahkan sesinya dulu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="83" />
        <source>{0}: no navigation data: add the broadcast ephemeris (a RINEX navigation file, .nav or .YYn) to the session</source>
        <translation>{0}: tidak ada data navigasi: tambahkan ephemeris siaran (berkas navigasi RINEX, .nav atau .YYn) ke sesi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="85" />
        <source>{0}: no common epochs with the base {1}: rover {2} to {3}, base {4} to {5} (GPS time)</source>
        <translation>{0}: tidak ada epoch bersama dengan base {1}: rover {2} sampai {3}, base {4} sampai {5} (waktu GPS)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="87" />
        <source>{0}: no solution against {1}: RTKLIB solved no epoch (too few common satellites above the mask, or epochs that do not pair)</source>
        <translation>{0}: tidak ada solusi terhadap {1}: RTKLIB tidak menyelesaikan satu epoch pun (terlalu sedikit satelit bersama di atas mask, atau epoch yang tidak berpasangan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="88" />
        <source>RTKLIB's {0} not found; {1}</source>
        <translation>{0} dari RTKLIB tidak ditemukan; {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="91" />
        <source>date {0}: in the future (today is {1})</source>
        <translation>tanggal {0}: di masa depan (hari ini {1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="93" />
        <source>date {0}: before marker {1} was installed ({2}, {3})</source>
        <translation>tanggal {0}: sebelum tanda batas {1} dipasang ({2}, {3})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="95" />
        <source>vegetation cleared = yes for marker {0} needs a vegetation photo showing the cleared 1 m around the monument</source>
        <translation>vegetasi dibersihkan = ya untuk tanda batas {0} memerlukan foto vegetasi yang memperlihatkan radius 1 m di sekitar tugu yang sudah bersih</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="97" />
        <source>condition {0} of marker {1} needs at least one photo of what was found</source>
        <translation>kondisi {0} tanda batas {1} memerlukan minimal satu foto keadaan yang ditemukan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="98" />
        <source>{0}: the same photo is given twice</source>
        <translation>{0}: foto yang sama diberikan dua kali</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="100" />
        <source>{0}: already a photo of the inspection of marker {1} on {2}</source>
        <translation>{0}: sudah menjadi foto pemeriksaan tanda batas {1} tanggal {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="102" />
        <source>{0}: the installation photo {1} of marker {2}; take a new one</source>
        <translation>{0}: ini foto pemasangan {1} tanda batas {2}; ambil foto baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="104" />
        <source>marker {0} is {1}: {2}; only an installed or documented Tanda Batas is inspected</source>
        <translation>tanda batas {0} berstatus {1}: {2}; hanya Tanda Batas yang sudah terpasang atau terdokumentasi yang diperiksa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="106" />
        <source>its reinstallation opened {0} is not finished</source>
        <translation>pemasangan ulangnya yang dibuka {0} belum selesai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="107" />
        <source>it was never installed</source>
        <translation>belum pernah dipasang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="109" />
        <source>check shot ({0}): no usable fix: {1}</source>
        <translation>cek posisi ({0}): tidak ada fix yang dapat dipakai: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="111" />
        <source>check shot ({0}): marker {1} is lost (hilang); nothing to measure</source>
        <translation>cek posisi ({0}): tanda batas {1} hilang; tidak ada yang dapat diukur</translation>
    </message>
</context>
<context>
    <name>GnssDisplay</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="58" />
        <source>Ground {0} m (grid {1} m)</source>
        <translation>Lapangan {0} m (grid {1} m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="68" />
        <source>Target {0}: E {1}  N {2} · azimuth {3} · {4}</source>
        <translation>Target {0}: E {1}  N {2} · azimut {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="77" />
        <source>last direction of travel</source>
        <translation>arah jalan terakhir</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="78" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="85" />
        <source>direction of travel</source>
        <translation>arah jalan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="79" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="96" />
        <source>Reference: {0}</source>
        <translation>Arah: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="80" />
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="80" />
        <source>Back</source>
        <translation>Mundur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="81" />
        <source>Right</source>
        <translation>Kanan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="81" />
        <source>Left</source>
        <translation>Kiri</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="89" />
        <source>Reference: north (direction of travel not known yet)</source>
        <translation>Arah: utara (arah jalan belum diketahui)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="90" />
        <source>Direction of travel not known yet — move a little</source>
        <translation>Arah jalan belum diketahui — bergerak sedikit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="93" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="96" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="102" />
        <source>north</source>
        <translation>utara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="97" />
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="97" />
        <source>South</source>
        <translation>Selatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="98" />
        <source>East</source>
        <translation>Timur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="98" />
        <source>West</source>
        <translation>Barat</translation>
    </message>
</context>
<context>
    <name>GnssPanel</name>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="59" />
        <source>GNSS receiver</source>
        <translation>Receiver GNSS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="79" />
        <source>Link</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="80" />
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="81" />
        <source>Latest epoch</source>
        <translation>Epoch terakhir</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="82" />
        <source>Satellites</source>
        <translation>Satelit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="83" />
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="84" />
        <source>PDOP</source>
        <translation>PDOP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="85" />
        <source>Corr. age</source>
        <translation>Umur koreksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="86" />
        <source>NTRIP</source>
        <translation>NTRIP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="88" />
        <source>Raw log</source>
        <translation>Log mentah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="95" />
        <source>No data</source>
        <translation>Tidak ada data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="124" />
        <source>● recording</source>
        <translation>● merekam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="124" />
        <location filename="../../fieldapp/ui/gnss_panel.py" line="162" />
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="150" />
        <source>not used</source>
        <translation>tidak dipakai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="158" />
        <source>offline, retrying</source>
        <translation>offline, mencoba lagi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="159" />
        <source>connecting…</source>
        <translation>menghubungkan…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="160" />
        <source>streaming, {0} kB</source>
        <translation>aktif, {0} kB</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="161" />
        <source>refused by the caster</source>
        <translation>ditolak caster</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="199" />
        <source>H {0} m{1} ({2})</source>
        <translation>H {0} m{1} ({2})</translation>
    </message>
</context>
<context>
    <name>Heights</name>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="23" />
        <source>no height</source>
        <translation>tanpa tinggi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="26" />
        <source>h {0} m (ellipsoid) · H unknown (outside the geoid)</source>
        <translation>h {0} m (elipsoid) · H tidak diketahui (di luar grid geoid)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="30" />
        <source>h {0} m (ellipsoid) · H {1} m</source>
        <translation>h {0} m (elipsoid) · H {1} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="33" />
        <source>h {0} m (ellipsoid) · H {1} m ({2})</source>
        <translation>h {0} m (elipsoid) · H {1} m ({2})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="46" />
        <source>orthometric</source>
        <translation>ortometrik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="48" />
        <source>ellipsoidal</source>
        <translation>elipsoid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="78" />
        <source>dH {0} m ({1})</source>
        <translation>dH {0} m ({1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="91" />
        <source>Design: no design height</source>
        <translation>Desain: belum ada tinggi desain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="93" />
        <source>Design ({0}): {1}</source>
        <translation>Desain ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="100" />
        <source>Here: {0}</source>
        <translation>Posisi saat ini: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="105" />
        <source>given as orthometric</source>
        <translation>diberikan sebagai tinggi ortometrik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="107" />
        <source>given as ellipsoidal</source>
        <translation>diberikan sebagai tinggi elipsoid</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="130" />
        <source>Inspection of marker {0}</source>
        <translation>Pemeriksaan tanda batas {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="139" />
        <source>(not recorded)</source>
        <translation>(tidak dicatat)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="147" />
        <source>Vegetation cleared within 1 m</source>
        <translation>Vegetasi dibersihkan dalam radius 1 m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="149" />
        <source>photo of the cleared ground</source>
        <translation>foto lahan yang sudah dibersihkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="150" />
        <source>Photo…</source>
        <translation>Foto…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="153" />
        <source>e.g. path overgrown, passable on foot</source>
        <translation>mis. jalan setapak tertutup semak, dapat dilalui jalan kaki</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="155" />
        <source>e.g. paint renewed, concrete patched</source>
        <translation>mis. cat diperbarui, beton ditambal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="160" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="160" />
        <source>Direction</source>
        <translation>Arah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="165" />
        <source>Add photos…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="167" />
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="176" />
        <source>Measure from the receiver</source>
        <translation>Ukur dari penerima</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="178" />
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="182" />
        <source>Optional: the pole on the monument, {0} epochs averaged; or later with `fieldapp marker inspect` from a capture or a total-station file.</source>
        <translation>Opsional: jalon di atas tugu, {0} epoch dirata-ratakan; atau nanti dengan `fieldapp marker inspect` dari rekaman atau berkas total station.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="193" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="194" />
        <source>Surveyor</source>
        <translation>Juru ukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="195" />
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="200" />
        <source>Vegetation photo</source>
        <translation>Foto vegetasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="201" />
        <source>Access</source>
        <translation>Akses</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="202" />
        <source>Action taken</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="203" />
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="210" />
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="407" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="212" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="216" />
        <source>Marker {0}</source>
        <translation>Tanda batas {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="218" />
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="222" />
        <source>Check shot</source>
        <translation>Cek posisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="224" />
        <source>Pole height (vertical)</source>
        <translation>Tinggi jalon (vertikal)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="248" />
        <source>Photo of the cleared vegetation</source>
        <translation>Foto vegetasi yang sudah dibersihkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="256" />
        <source>Photos of the marker</source>
        <translation>Foto tanda batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="290" />
        <source>Connect the receiver first (toolbar: Connect).</source>
        <translation>Hubungkan penerima terlebih dahulu (bilah alat: Hubungkan).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="298" />
        <source>Measuring: keep the pole still… 0 of {0}</source>
        <translation>Mengukur: jaga jalon tetap diam… 0 dari {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="309" />
        <source>Measuring: keep the pole still… {0} of {1}</source>
        <translation>Mengukur: jaga jalon tetap diam… {0} dari {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="320" />
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="323" />
        <source>Not usable: {0}</source>
        <translation>Tidak dapat dipakai: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="328" />
        <source>Measured: {0}, σH {1} m; the difference to the installed position is computed when saved.</source>
        <translation>Terukur: {0}, σH {1} m; selisih terhadap posisi terpasang dihitung saat disimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="337" />
        <source>No check shot.</source>
        <translation>Tanpa cek posisi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="391" />
        <source>The job is read-only: nothing can be recorded.</source>
        <translation>Pekerjaan ini hanya-baca: tidak ada yang dapat dicatat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="398" />
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="410" />
        <source>Not saved: {0}</source>
        <translation>Belum tersimpan: {0}</translation>
    </message>
</context>
<context>
    <name>InstallationView</name>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="126" />
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="126" />
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="126" />
        <source>Witnesses</source>
        <translation>Saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="263" />
        <source>Add photos</source>
        <translation>Tambah foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="124" />
        <source>Marker</source>
        <translation>Tanda Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="125" />
        <source>Marker to document</source>
        <translation>Tanda batas yang didokumentasikan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="127" />
        <source>Heights</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="157" />
        <source>Not staked yet</source>
        <translation>Belum dipatok</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="160" />
        <source>Not staked yet: stake it out before documenting.</source>
        <translation>Belum dipatok: patok dulu sebelum didokumentasikan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="164" />
        <source>Reinstallation: {0}</source>
        <translation>Pemasangan ulang: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="204" />
        <source>Marker not staked</source>
        <translation>Tanda batas belum dipatok</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="206" />
        <source>Marker {0} has no stake yet (status: planned). Photos, witnesses and a description should describe a marker that has been set. Document it anyway?</source>
        <translation>Tanda batas {0} belum dipatok (status: direncanakan). Foto, saksi dan deskripsi seharusnya menggambarkan tanda batas yang sudah dipasang. Tetap dokumentasikan?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="209" />
        <source>Document anyway</source>
        <translation>Tetap dokumentasikan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="210" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="232" />
        <source>Photo not added: {0}</source>
        <translation>Foto tidak ditambahkan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="234" />
        <location filename="../../fieldapp/ui/installation_view.py" line="237" />
        <source>{0} photo(s) saved.</source>
        <translation>{0} foto tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="255" />
        <location filename="../../fieldapp/ui/installation_view.py" line="290" />
        <source>Retake photo</source>
        <translation>Ambil ulang foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="256" />
        <source>The current photo is withdrawn and kept in the job's history.</source>
        <translation>Foto sekarang ditarik dan tetap tersimpan di riwayat pekerjaan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="257" />
        <source>Choose the new photo</source>
        <translation>Pilih foto baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="258" />
        <location filename="../../fieldapp/ui/installation_view.py" line="293" />
        <source>retaken</source>
        <translation>diambil ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="263" />
        <source>Images ({0})</source>
        <translation>Gambar ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="277" />
        <source>Photo not replaced: {0}</source>
        <translation>Foto tidak diganti: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="279" />
        <source>Photo replaced; the earlier one is withdrawn.</source>
        <translation>Foto diganti; foto sebelumnya ditarik.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="291" />
        <source>A new capture for this direction withdraws the current photo.</source>
        <translation>Foto baru untuk arah ini menarik foto yang sekarang.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="292" />
        <source>Open the camera</source>
        <translation>Buka kamera</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="309" />
        <source>Photo withdrawn: {0}</source>
        <translation>Foto ditarik: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="318" />
        <source>Withdraw photo</source>
        <translation>Tarik foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="319" />
        <source>Photo {0} ({1}) is marked withdrawn; the file stays in the job.</source>
        <translation>Foto {0} ({1}) ditandai ditarik; berkasnya tetap di pekerjaan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="322" />
        <source>Withdraw</source>
        <translation>Tarik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="346" />
        <source>Photo not moved: {0}</source>
        <translation>Foto tidak dipindahkan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="349" />
        <source>Photo moved to marker {0}, {1}.</source>
        <translation>Foto dipindahkan ke tanda batas {0}, {1}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="198" />
        <source>Choose a marker first.</source>
        <translation>Pilih tanda batas terlebih dahulu.</translation>
    </message>
</context>
<context>
    <name>InstrumentDialog</name>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="61" />
        <source>Total station</source>
        <translation>Total station</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="70" />
        <source>Serial / Bluetooth port</source>
        <translation>Port serial / Bluetooth</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="71" />
        <source>TCP (Wi-Fi)</source>
        <translation>TCP (Wi-Fi)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="75" />
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="84" />
        <source>Protocol</source>
        <translation>Protokol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="85" />
        <source>Connection</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="86" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="87" />
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="88" />
        <source>TCP host:port</source>
        <translation>Host:port TCP</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <location filename="../../fieldapp/ui/live.py" line="65" />
        <source>No data</source>
        <translation>Tidak ada data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/live.py" line="66" />
        <source>No data since {0}</source>
        <translation>Tidak ada data sejak {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/live.py" line="75" />
        <source>{0} s ago</source>
        <translation>{0} dtk lalu</translation>
    </message>
</context>
<context>
    <name>LiveReadout</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>σH</source>
        <translation>σH</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>From design</source>
        <translation>Dari rencana</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>Latest epoch</source>
        <translation>Epoch terakhir</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="387" />
        <source>stake {0}</source>
        <translation>patok {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="370" />
        <source>live</source>
        <translation>langsung</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="57" />
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="59" />
        <source>Open job</source>
        <translation>Buka pekerjaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="60" />
        <source>New job</source>
        <translation>Pekerjaan baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="61" />
        <source>Recent jobs</source>
        <translation>Pekerjaan terakhir</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="62" />
        <source>Receiver…</source>
        <translation>Penerima GNSS…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="63" />
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="64" />
        <source>Disconnect</source>
        <translation>Putuskan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="65" />
        <source>Bahasa / English</source>
        <translation>Bahasa / English</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="66" />
        <source>Day / night</source>
        <translation>Siang / malam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="67" />
        <source>More</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="68" />
        <source>Compliance calendar</source>
        <translation>Kalender kepatuhan</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="180" />
        <source>Open job</source>
        <translation>Buka pekerjaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="166" />
        <location filename="../../fieldapp/ui/main_window.py" line="172" />
        <source>New job</source>
        <translation>Pekerjaan baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="149" />
        <source>Open a job or create a new one (toolbar above).</source>
        <translation>Buka pekerjaan atau buat yang baru (bilah alat di atas).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="151" />
        <location filename="../../fieldapp/ui/main_window.py" line="531" />
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="158" />
        <source>Open job (*.fieldapp folder)</source>
        <translation>Buka pekerjaan (folder *.fieldapp)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="163" />
        <source>Folder for the new job</source>
        <translation>Folder untuk pekerjaan baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="166" />
        <source>Job name (WIUP)</source>
        <translation>Nama pekerjaan (WIUP)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="198" />
        <source>read-only</source>
        <translation>hanya baca</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="289" />
        <source>Open a job first.</source>
        <translation>Buka pekerjaan terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="533" />
        <source>Map</source>
        <translation>Peta</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="534" />
        <source>Stake-out</source>
        <translation>Stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="535" />
        <source>Occupation</source>
        <translation>Pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="536" />
        <source>Installation</source>
        <translation>Pemasangan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="537" />
        <source>Maintenance</source>
        <translation>Pemeliharaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="538" />
        <source>Planning</source>
        <translation>Perencanaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="540" />
        <source>Outbox</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="541" />
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="349" />
        <source>Markers</source>
        <translation>Tanda Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="130" />
        <source>GNSS status</source>
        <translation>Status GNSS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="350" />
        <source>Boundary</source>
        <translation>Titik Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="351" />
        <location filename="../../fieldapp/ui/main_window.py" line="539" />
        <source>Control</source>
        <translation>Kontrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="381" />
        <source>Point {0}</source>
        <translation>Titik {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="425" />
        <source>Cannot connect: {0}</source>
        <translation>Tidak dapat terhubung: {0}</translation>
    </message>
</context>
<context>
    <name>MaintenanceTexts</name>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="18" />
        <source>good</source>
        <translation>baik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="19" />
        <source>damaged</source>
        <translation>rusak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="20" />
        <source>pulled out</source>
        <translation>tercabut</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="21" />
        <source>lost</source>
        <translation>hilang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="22" />
        <source>moved</source>
        <translation>bergeser</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="38" />
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="39" />
        <source>East</source>
        <translation>Timur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="40" />
        <source>South</source>
        <translation>Selatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="41" />
        <source>West</source>
        <translation>Barat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="42" />
        <source>Close-up</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="43" />
        <source>Vegetation</source>
        <translation>Vegetasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="50" />
        <source>Planned</source>
        <translation>Direncanakan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="51" />
        <source>Staked out</source>
        <translation>Dipatok (stake out)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="52" />
        <source>Installed</source>
        <translation>Dipasang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="53" />
        <source>Documented</source>
        <translation>Didokumentasikan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="54" />
        <source>Inspected</source>
        <translation>Diperiksa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="55" />
        <source>Found damaged</source>
        <translation>Ditemukan rusak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="56" />
        <source>Found lost</source>
        <translation>Ditemukan hilang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="57" />
        <source>Found moved</source>
        <translation>Ditemukan bergeser</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="58" />
        <source>Reinstallation opened</source>
        <translation>Pemasangan ulang dibuka</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="61" />
        <source>Reinstalled</source>
        <translation>Dipasang ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="62" />
        <source>Reinstallation cancelled</source>
        <translation>Pemasangan ulang dibatalkan</translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="204" />
        <source>Record inspection…</source>
        <translation>Catat pemeriksaan…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <source>Marker</source>
        <translation>Tanda Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <source>Inspected</source>
        <translation>Diperiksa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <source>Days</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="207" />
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Check shot</source>
        <translation>Cek posisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="207" />
        <source>Reinstallation</source>
        <translation>Pasang ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="209" />
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="209" />
        <source>Event</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="209" />
        <source>What</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Surveyor</source>
        <translation>Juru ukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="213" />
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="214" />
        <source>Inspections</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="267" />
        <source>never inspected</source>
        <translation>belum pernah diperiksa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="276" />
        <source>{0} (over 6 months ago)</source>
        <translation>{0} (&gt; 6 bulan lalu)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="287" />
        <source>open since {0}</source>
        <translation>terbuka sejak {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="290" />
        <source>done {0}</source>
        <translation>selesai {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="302" />
        <source>passed, {0} m</source>
        <translation>lulus, {0} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="305" />
        <source>FAILED, {0} m</source>
        <translation>GAGAL, {0} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="308" />
        <source>ΔN {0} m, ΔE {1} m, tolerance {2} m; {3}</source>
        <translation>ΔN {0} m, ΔE {1} m, toleransi {2} m; {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="320" />
        <source>No installed marker yet: nothing to maintain.</source>
        <translation>Belum ada tanda batas terpasang: belum ada yang perlu dipelihara.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="323" />
        <source>{0} markers · {1} never inspected · {2} not inspected for over 6 months · today {3}</source>
        <translation>{0} tanda batas · {1} belum pernah diperiksa · {2} tidak diperiksa lebih dari 6 bulan · hari ini {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="356" />
        <source>Marker {0}</source>
        <translation>Tanda batas {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="391" />
        <source>No inspection recorded for this marker yet.</source>
        <translation>Belum ada pemeriksaan tercatat untuk tanda batas ini.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="394" />
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="394" />
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="396" />
        <source>Vegetation cleared within 1 m: {0}</source>
        <translation>Vegetasi dibersihkan dalam radius 1 m: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="397" />
        <source>Access: {0}</source>
        <translation>Akses: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="398" />
        <source>Action taken: {0}</source>
        <translation>Tindakan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="401" />
        <source>Note: {0}</source>
        <translation>Catatan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="421" />
        <source>no photos</source>
        <translation>tidak ada foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="431" />
        <source>(cannot be shown)</source>
        <translation>(tidak dapat ditampilkan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="460" />
        <source>Inspection of {0} on {1} saved.</source>
        <translation>Pemeriksaan {0} tanggal {1} tersimpan.</translation>
    </message>
</context>
<context>
    <name>MapBackgrounds</name>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="281" />
        <source>Background map not shown: {0}</source>
        <translation>Latar peta tidak ditampilkan: {0}</translation>
    </message>
</context>
<context>
    <name>MapNavigator</name>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="62" />
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="63" />
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="64" />
        <source>Whole WIUP</source>
        <translation>Seluruh WIUP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="65" />
        <source>Centre on my position</source>
        <translation>Ke posisi saya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="66" />
        <source>Follow my position</source>
        <translation>Ikuti posisi saya</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="155" />
        <location filename="../../fieldapp/ui/map_view.py" line="164" />
        <source>Background map</source>
        <translation>Latar peta</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="203" />
        <source>zone</source>
        <translation>zona</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="205" />
        <source>Longitude (°)</source>
        <translation>Bujur (°)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="205" />
        <source>Latitude (°)</source>
        <translation>Lintang (°)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="207" />
        <source>Easting (m)</source>
        <translation>Timur (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="207" />
        <source>Northing (m)</source>
        <translation>Utara (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="461" />
        <source>Position: {0}</source>
        <translation>Posisi: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="461" />
        <source>Position not live: {0}</source>
        <translation>Posisi tidak terkini: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="147" />
        <location filename="../../fieldapp/ui/map_view.py" line="163" />
        <source>▲
N</source>
        <translation>▲
U</translation>
    </message>
</context>
<context>
    <name>MeasureControl</name>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="173" />
        <source>Choose a target first.</source>
        <translation>Pilih target dulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="175" />
        <source>No live position: connect the receiver first.</source>
        <translation>Tidak ada posisi langsung: hubungkan receiver dulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="177" />
        <source>Too far from {0} ({1} m) to store its stake.</source>
        <translation>Terlalu jauh dari {0} ({1} m) untuk menyimpan patoknya.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="187" />
        <source>Measuring {0}: only epochs that pass the profile count.</source>
        <translation>Mengukur {0}: hanya epoch yang lolos profil mutu yang dihitung.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="190" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="204" />
        <source>{0} of {1} epochs</source>
        <translation>{0} dari {1} epoch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="206" />
        <source>{0} not precise enough</source>
        <translation>{0} belum cukup teliti</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="211" />
        <source>Measure &amp;&amp; save</source>
        <translation>Ukur &amp;&amp; simpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="222" />
        <source>Stake of {0} saved: dN {1} m, dE {2} m, {3} m from design.</source>
        <translation>Patok {0} tersimpan: dN {1} m, dE {2} m, {3} m dari desain.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="95" />
        <source>Move photo</source>
        <translation>Pindahkan foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="95" />
        <source>Move</source>
        <translation>Pindahkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="97" />
        <source>Photo {0} of marker {1}. The same file is recorded where it belongs.</source>
        <translation>Foto {0} tanda batas {1}. Berkas yang sama dicatat di tempat yang benar.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="108" />
        <source>To marker</source>
        <translation>Ke tanda batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="109" />
        <source>Direction</source>
        <translation>Arah</translation>
    </message>
</context>
<context>
    <name>NtripDialog</name>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="121" />
        <source>NTRIP profiles</source>
        <translation>Profil NTRIP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="133" />
        <source>New profile</source>
        <translation>Profil baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="134" />
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="277" />
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="136" />
        <source>Saved profiles</source>
        <translation>Profil tersimpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="148" />
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="374" />
        <source>Load mountpoints</source>
        <translation>Muat mountpoint</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="156" />
        <source>2 (HTTP/1.1)</source>
        <translation>2 (HTTP/1.1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="157" />
        <source>1 (old casters)</source>
        <translation>1 (caster lama)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="158" />
        <source>Send my position (GGA): needed for VRS</source>
        <translation>Kirim posisi saya (GGA): perlu untuk VRS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="160" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="160" />
        <source>Caster host</source>
        <translation>Host caster</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="160" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="161" />
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>Mountpoint</source>
        <translation>Mountpoint</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="161" />
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="162" />
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="162" />
        <source>NTRIP version</source>
        <translation>Versi NTRIP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>Distance</source>
        <translation>Jarak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>GGA</source>
        <translation>GGA</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="198" />
        <source>Press “Load mountpoints” to ask the caster.</source>
        <translation>Tekan “Muat mountpoint” untuk bertanya ke caster.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="203" />
        <source>Save profile</source>
        <translation>Simpan profil</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="205" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="277" />
        <source>Delete the profile “{0}”?</source>
        <translation>Hapus profil “{0}”?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="321" />
        <source>Profile “{0}” saved.</source>
        <translation>Profil “{0}” tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="327" />
        <source>{0}: this field is empty; fill it in.</source>
        <translation>{0}: kolom ini kosong; silakan isi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="328" />
        <source>{0}: type a whole number, not “{1}”.</source>
        <translation>{0}: isi bilangan bulat, bukan “{1}”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="329" />
        <source>{0}: type a number from {2} to {3}, not “{1}”.</source>
        <translation>{0}: isi angka dari {2} sampai {3}, bukan “{1}”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="331" />
        <source>{0}: only the name, without spaces, “/” or “http://” (you typed “{1}”).</source>
        <translation>{0}: hanya nama, tanpa spasi, “/” atau “http://” (Anda mengetik “{1}”).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="333" />
        <source>{0}: another profile is already called “{1}”.</source>
        <translation>{0}: sudah ada profil lain bernama “{1}”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="354" />
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="368" />
        <source>Asking {0}:{1} for its mountpoints…</source>
        <translation>Meminta daftar mountpoint dari {0}:{1}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="374" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="389" />
        <source>Mountpoints not loaded: {0}</source>
        <translation>Mountpoint tidak termuat: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="394" />
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="394" />
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="398" />
        <source>{0} km</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="410" />
        <source>The caster lists no mountpoints.</source>
        <translation>Caster tidak memiliki mountpoint.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="413" />
        <source>{0} mountpoints; no position yet, so no distances. Tap one to use it.</source>
        <translation>{0} mountpoint; posisi belum ada, jadi tanpa jarak. Ketuk salah satu untuk memakainya.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="418" />
        <source>{0} mountpoints, nearest first. Tap one to use it.</source>
        <translation>{0} mountpoint, terdekat di atas. Ketuk salah satu untuk memakainya.</translation>
    </message>
</context>
<context>
    <name>OccupationGuard</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="60" />
        <source>Not started: no live position from the receiver.</source>
        <translation>Tidak dimulai: tidak ada posisi langsung dari receiver.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="66" />
        <source>its stake</source>
        <translation>patoknya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="68" />
        <source>its design position</source>
        <translation>posisi rencananya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="70" />
        <source>Not started: the antenna is {0} from marker {1} ({2}); at most {3}. Set up over the marker first.</source>
        <translation>Tidak dimulai: antena berjarak {0} dari tanda batas {1} ({2}); paling jauh {3}. Dirikan antena di atas tanda batas dulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="76" />
        <source>Not started: the antenna is moving at {0} m/s; at most {1} m/s. Hold the pole still.</source>
        <translation>Tidak dimulai: antena bergerak {0} m/dtk; paling cepat {1} m/dtk. Tahan jalon tetap diam.</translation>
    </message>
</context>
<context>
    <name>OccupationView</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="202" />
        <source>Start occupation</source>
        <translation>Mulai pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="204" />
        <source>Stop and save</source>
        <translation>Berhenti dan simpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="205" />
        <source>Abandon</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="179" />
        <source>abandoned by the surveyor</source>
        <translation>dibatalkan oleh juru ukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="196" />
        <source>interrupted, abandoned by the surveyor</source>
        <translation>terputus, dibatalkan oleh juru ukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="219" />
        <source>(no marker)</source>
        <translation>(belum ada tanda batas)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="274" />
        <source>Occupation of marker {0} was interrupted ({1} epochs saved).</source>
        <translation>Pengamatan tanda batas {0} terputus ({1} epoch tersimpan).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="298" />
        <location filename="../../fieldapp/ui/occupation_view.py" line="372" />
        <source>Choose a marker first.</source>
        <translation>Pilih tanda batas terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="305" />
        <source>No receiver connected.</source>
        <translation>Receiver belum terhubung.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="562" />
        <source>Antenna height after differs from before by {0} mm: check the setup.</source>
        <translation>Tinggi antena sesudah berbeda {0} mm dari sebelumnya: periksa pemasangan jalon/tripod.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="567" />
        <location filename="../../fieldapp/ui/occupation_view.py" line="599" />
        <source>Not saved: {0}</source>
        <translation>Belum tersimpan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="529" />
        <source>Used {0} / {1} epochs, {2} / {3} s, rejected {4}</source>
        <translation>Dipakai {0} / {1} epoch, {2} / {3} dtk, ditolak {4}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="203" />
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="325" />
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="450" />
        <source>Saving the result…</source>
        <translation>Menyimpan hasil…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="470" />
        <source>The occupation is still being saved; it can be recovered later.</source>
        <translation>Pengamatan masih disimpan; dapat dipulihkan nanti.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="485" />
        <source>Recording: waiting for epochs…</source>
        <translation>Merekam: menunggu epoch…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="494" />
        <location filename="../../fieldapp/ui/occupation_view.py" line="596" />
        <source>Occupation {0} abandoned.</source>
        <translation>Pengamatan {0} dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="511" />
        <source>Scatter so far: σH {0} m, σV {1} m</source>
        <translation>Sebaran sejauh ini: σH {0} m, σV {1} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="516" />
        <source>{0} epochs saved in the job.</source>
        <translation>{0} epoch tersimpan di pekerjaan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="543" />
        <source>PASSED: {0} epochs, σH {1} m, {2} m from design</source>
        <translation>LULUS: {0} epoch, σH {1} m, {2} m dari desain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="548" />
        <source>FAILED: {0}</source>
        <translation>GAGAL: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="552" />
        <source>Mean position of the mark: {0}°, {1}° · {2}</source>
        <translation>Posisi rata-rata tanda: {0}°, {1}° · {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="557" />
        <source>Saved in the job (occupation {0}).</source>
        <translation>Tersimpan di pekerjaan (pengamatan {0}).</translation>
    </message>
</context>
<context>
    <name>OfficeBox</name>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="96" />
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="102" />
        <source>from the office</source>
        <translation>dari kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="103" />
        <source>Send automatically when there is signal</source>
        <translation>Kirim otomatis saat ada sinyal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="106" />
        <source>Office address</source>
        <translation>Alamat kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="108" />
        <source>Device token</source>
        <translation>Token perangkat</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="60" />
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="61" />
        <source>Sealed</source>
        <translation>Tersegel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="62" />
        <source>Queued</source>
        <translation>Dalam antrean</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="63" />
        <source>Uploading</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="64" />
        <source>Sent to office</source>
        <translation>Terkirim ke kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="65" />
        <source>Received by office</source>
        <translation>Diterima kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="66" />
        <source>In review</source>
        <translation>Sedang diperiksa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="67" />
        <source>Accepted</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="68" />
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="69" />
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="138" />
        <source>Seal package</source>
        <translation>Segel paket</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="139" />
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="141" />
        <source>Get office news</source>
        <translation>Ambil kabar kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="142" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="150" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="410" />
        <source>{0} / {1} MB</source>
        <translation>{0} / {1} MB</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="151" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="413" />
        <source>{0} MB/s</source>
        <translation>{0} MB/dtk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="161" />
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="162" />
        <source>Rev.</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="163" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="164" />
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="165" />
        <source>Sealed at</source>
        <translation>Disegel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="166" />
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="167" />
        <source>Office notes</source>
        <translation>Catatan kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="221" />
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="240" />
        <source>Sealing the package…</source>
        <translation>Menyegel paket…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="241" />
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="242" />
        <source>Getting the office's news…</source>
        <translation>Mengambil kabar kantor…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="243" />
        <source>Checking the link to the office…</source>
        <translation>Memeriksa koneksi ke kantor…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="244" />
        <source>Offline, waiting for signal ({0} to send)</source>
        <translation>Offline, menunggu sinyal ({0} akan dikirim)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="245" />
        <source>Automatic sending is off ({0} to send)</source>
        <translation>Kirim otomatis mati ({0} akan dikirim)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="246" />
        <source>Enter the office address and the device token to send</source>
        <translation>Isi alamat kantor dan token perangkat untuk mengirim</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="251" />
        <source>{0} package(s) waiting to be sent</source>
        <translation>{0} paket menunggu dikirim</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="253" />
        <source>All sent</source>
        <translation>Semua terkirim</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="255" />
        <source>{0} awaiting review</source>
        <translation>{0} menunggu pemeriksaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="257" />
        <source>Nothing to send yet: seal a package first</source>
        <translation>Belum ada yang dikirim: segel paket dahulu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="259" />
        <source>{0} returned: revise and seal again</source>
        <translation>{0} dikembalikan: perbaiki lalu segel ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="273" />
        <source>The office did not accept the device token ({0}). Check the token below; the office makes one with “fieldapp office device add”.</source>
        <translation>Kantor tidak menerima token perangkat ({0}). Periksa token di bawah; kantor membuatnya dengan “fieldapp office device add”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="278" />
        <source>The office knows this laptop with another signing key: ask the office to register the device again. ({0})</source>
        <translation>Kantor mengenal laptop ini dengan kunci tanda tangan lain: minta kantor mendaftarkan ulang perangkat ini. ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="282" />
        <source>The office refused {0}: {1}</source>
        <translation>Kantor menolak {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="284" />
        <source>The office cannot be reached: {0}. Packages stay queued.</source>
        <translation>Kantor tidak dapat dihubungi: {0}. Paket tetap dalam antrean.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="288" />
        <source>The office had an internal error ({0}); try again later.</source>
        <translation>Server kantor mengalami galat ({0}); coba lagi nanti.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="291" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="478" />
        <source>Failed: {0}</source>
        <translation>Gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="348" />
        <source>Sealed revision {0} of package {1}: {2} files, {3} MB.</source>
        <translation>Revisi {0} paket {1} tersegel: {2} berkas, {3} MB.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="358" />
        <source>Not sealed: {0}</source>
        <translation>Tidak disegel: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="360" />
        <source>Sealing failed: {0}</source>
        <translation>Penyegelan gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="370" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="455" />
        <source>Enter the office address and the device token below.</source>
        <translation>Isi alamat kantor dan token perangkat di bawah.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="426" />
        <source>Sent {0} package revision(s); the office has them.</source>
        <translation>{0} revisi paket terkirim dan sudah ada di kantor.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="438" />
        <source>Sending cancelled; it resumes where it stopped.</source>
        <translation>Pengiriman dibatalkan; nanti dilanjutkan dari titik berhenti.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="441" />
        <source>No link to the office: {0}</source>
        <translation>Tidak ada koneksi ke kantor: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="443" />
        <source>the package</source>
        <translation>paket</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="468" />
        <source>Office news: {0} package revision(s) changed state.</source>
        <translation>Kabar kantor: status {0} revisi paket berubah.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="475" />
        <source>the inbox request</source>
        <translation>permintaan kotak masuk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="540" />
        <source>No link to the office ({0}); next try in {1} s.</source>
        <translation>Tidak ada koneksi ke kantor ({0}); dicoba lagi dalam {1} dtk.</translation>
    </message>
</context>
<context>
    <name>PhotoSlot</name>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="78" />
        <source>File…</source>
        <translation>Berkas…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="79" />
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="81" />
        <source>Move…</source>
        <translation>Pindah…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="82" />
        <source>Withdraw…</source>
        <translation>Tarik…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="95" />
        <source>Add:</source>
        <translation>Tambah:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="96" />
        <source>Add a photo file for this direction</source>
        <translation>Tambah berkas foto untuk arah ini</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="98" />
        <source>No photo</source>
        <translation>Belum ada foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="101" />
        <source>Retake:</source>
        <translation>Ambil ulang:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="102" />
        <source>Replace with another file; this one is withdrawn</source>
        <translation>Ganti dengan berkas lain; foto ini ditarik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="103" />
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="106" />
        <source>+{0} older, still active</source>
        <translation>+{0} lebih lama, masih aktif</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="107" />
        <source>Retake ({0} active):</source>
        <translation>Ambil ulang ({0} aktif):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="113" />
        <source>Cannot be shown</source>
        <translation>Tidak dapat ditampilkan</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="46" />
        <source>Run planner</source>
        <translation>Jalankan perencanaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="47" />
        <source>Accept plan</source>
        <translation>Terima rencana</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="53" />
        <source>Corners, ≤ 500 m along neighbours, ≤ 100 m near pits.</source>
        <translation>Sudut, ≤ 500 m di batas tetangga, ≤ 100 m dekat pit.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Line</source>
        <translation>Garis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="111" />
        <location filename="../../fieldapp/ui/planning_view.py" line="130" />
        <source>Checking the boundary…</source>
        <translation>Memeriksa batas WIUP…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="133" />
        <source>Planning the markers…</source>
        <translation>Merencanakan tanda batas…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="154" />
        <location filename="../../fieldapp/ui/planning_view.py" line="155" />
        <location filename="../../fieldapp/ui/planning_view.py" line="190" />
        <source>Planning failed: {0}</source>
        <translation>Perencanaan gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="164" />
        <source>corner</source>
        <translation>sudut</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="164" />
        <source>infill</source>
        <translation>sisipan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="171" />
        <source>{0} markers ({1} corners, {2} infill)</source>
        <translation>{0} tanda batas ({1} sudut, {2} sisipan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="175" />
        <source>Boundary check: {0} errors (see `fieldapp job validate`)</source>
        <translation>Pemeriksaan batas: {0} kesalahan (lihat `fieldapp job validate`)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="193" />
        <source>Plan stored: {0} markers.</source>
        <translation>Rencana tersimpan: {0} tanda batas.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="135" />
        <source>Print {0}</source>
        <translation>Cetak {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="155" />
        <source>e.g. copy for the office archive</source>
        <translation>mis. salinan untuk arsip kantor</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="156" />
        <source>Reason for this copy (printed on every page)</source>
        <translation>Alasan salinan ini (dicetak di setiap halaman)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="169" />
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="171" />
        <source>Cancel printing</source>
        <translation>Batalkan pencetakan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="173" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="174" />
        <source>Print as DRAF</source>
        <translation>Cetak sebagai DRAF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="179" />
        <source>This print:</source>
        <translation>Cetakan ini:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="214" />
        <source>Berita acara</source>
        <translation>Berita acara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="215" />
        <source>Reinstallation berita acara</source>
        <translation>Berita acara pemasangan ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="216" />
        <source>Marker descriptions</source>
        <translation>Deskripsi tanda batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="217" />
        <source>Stake-out report</source>
        <translation>Laporan stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="218" />
        <source>Other document</source>
        <translation>Dokumen lain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="238" />
        <source>Cannot print</source>
        <translation>Tidak dapat dicetak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="239" />
        <source>This document cannot be printed:</source>
        <translation>Dokumen ini tidak dapat dicetak:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="249" />
        <source>Nomor {0}</source>
        <translation>Nomor {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="252" />
        <source>{0}, {1} pages</source>
        <translation>{0}, {1} halaman</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="258" />
        <source>Not final: printed as a DRAF (the watermark and the list of what is missing are on it), never as the original; the print is logged.</source>
        <translation>Belum final: dicetak sebagai DRAF (dengan tanda air dan daftar kekurangan), tidak pernah sebagai ASLI; pencetakan dicatat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="262" />
        <source>Free print</source>
        <translation>Cetak bebas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="263" />
        <source>No original/copy rule for this document; the print is logged.</source>
        <translation>Dokumen ini tanpa aturan asli/salinan; pencetakan tetap dicatat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="265" />
        <source>ORIGINAL</source>
        <translation>ASLI</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="267" />
        <source>First print of the final berita acara: the original to be signed. Every later print of it is stamped SALINAN.</source>
        <translation>Cetakan pertama berita acara final: dokumen asli untuk ditandatangani. Setiap cetakan berikutnya diberi cap SALINAN.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="273" />
        <source>The original was printed before: every page of this copy is stamped SALINAN ke-{0} with the reason and the date.</source>
        <translation>Dokumen asli sudah pernah dicetak: setiap halaman salinan ini diberi cap SALINAN ke-{0} beserta alasan dan tanggalnya.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="278" />
        <source>Warning: {0}</source>
        <translation>Peringatan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="310" />
        <source>superseded by Nomor {0}</source>
        <translation>digantikan oleh Nomor {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="312" />
        <source>Printed before:</source>
        <translation>Sudah dicetak sebelumnya:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="349" />
        <source>This document was printed meanwhile; check and print again.</source>
        <translation>Dokumen ini baru saja dicetak; periksa lalu cetak lagi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="354" />
        <source>Type the reason for this copy first.</source>
        <translation>Isi dulu alasan salinan ini.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="426" />
        <source>Not printed.</source>
        <translation>Tidak dicetak.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="440" />
        <source>Printed and logged: {0}.</source>
        <translation>Sudah dicetak dan dicatat: {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="443" />
        <source>free print</source>
        <translation>cetak bebas</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="75" />
        <source>Cannot read {0}</source>
        <translation>Tidak dapat membaca {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="78" />
        <source>The printer did not accept the job.</source>
        <translation>Printer tidak menerima pekerjaan cetak.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="86" />
        <source>Printing cancelled.</source>
        <translation>Pencetakan dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="89" />
        <source>The printer refused page {0}.</source>
        <translation>Printer menolak halaman {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="103" />
        <source>The printer did not finish the job.</source>
        <translation>Printer tidak menyelesaikan pekerjaan cetak.</translation>
    </message>
</context>
<context>
    <name>QualityProfileDialog</name>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="47" />
        <source>Stake-out quality</source>
        <translation>Mutu stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="54" />
        <source>σH limit = tolerance</source>
        <translation>Batas σH = toleransi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="62" />
        <source>Tolerance</source>
        <translation>Toleransi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="63" />
        <source>Required fix</source>
        <translation>Fix minimal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="65" />
        <source>Largest measured σH</source>
        <translation>σH terukur maksimum</translation>
    </message>
</context>
<context>
    <name>RawObsPanel</name>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="111" />
        <source>Raw data logging</source>
        <translation>Perekaman data mentah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="112" />
        <source>Record raw data</source>
        <translation>Rekam data mentah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="113" />
        <source>Stop recording</source>
        <translation>Hentikan perekaman</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="114" />
        <source>Bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="115" />
        <source>Epochs</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="116" />
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="117" />
        <source>Switch a u-blox receiver to raw output, every</source>
        <translation>Atur receiver u-blox agar mengirim data mentah, tiap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="136" />
        <source>Not recording</source>
        <translation>Tidak merekam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="138" />
        <source>Connect a receiver to record its raw data</source>
        <translation>Sambungkan receiver untuk merekam data mentahnya</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="151" />
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="207" />
        <source>Cannot record raw data: {0}</source>
        <translation>Tidak dapat merekam data mentah: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="168" />
        <source>Setting up the receiver…</source>
        <translation>Mengatur receiver…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="183" />
        <source>Receiver set up for raw output ({0} acknowledged)</source>
        <translation>Receiver sudah diatur untuk data mentah ({0} diterima receiver)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="190" />
        <source>The receiver did not acknowledge the raw output set-up: {0}</source>
        <translation>Receiver tidak mengonfirmasi pengaturan data mentah: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="225" />
        <source>(no data yet)</source>
        <translation>(belum ada data)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="229" />
        <source>Recording stopped</source>
        <translation>Perekaman dihentikan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="234" />
        <source>● Recording – no data arriving</source>
        <translation>● Merekam – tidak ada data masuk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="237" />
        <source>● Recording</source>
        <translation>● Merekam</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="236" />
        <source>Accept a baseline that fails a rule</source>
        <translation>Terima baseline yang tidak memenuhi ketentuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="238" />
        <source>This baseline does not meet these rules:</source>
        <translation>Baseline ini tidak memenuhi ketentuan berikut:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="243" />
        <source>Why it is accepted anyway (recorded with it)</source>
        <translation>Alasan tetap diterima (dicatat bersamanya)</translation>
    </message>
</context>
<context>
    <name>RecordDialogs</name>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="45" />
        <source>Why? (kept in the job's history)</source>
        <translation>Mengapa? (disimpan di riwayat pekerjaan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="50" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="68" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>RecoveryBox</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="315" />
        <source>Finish from saved epochs</source>
        <translation>Selesaikan dari epoch tersimpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="316" />
        <source>Abandon it</source>
        <translation>Batalkan</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="142" />
        <source>Vertical (to the mark)</source>
        <translation>Tegak (ke tanda)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="143" />
        <source>Slant (to the antenna edge)</source>
        <translation>Miring (ke tepi antena)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="144" />
        <source>Generic (no offset)</source>
        <translation>Umum (tanpa offset)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="145" />
        <source>Other: type radius and offset</source>
        <translation>Lain: isi jari-jari dan offset</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="146" />
        <source>Antenna radius (m), for a slant height</source>
        <translation>Jari-jari antena (m), untuk tinggi miring</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="147" />
        <source>Phase-centre offset (m), from the calibration sheet</source>
        <translation>Offset pusat fase (m), dari lembar kalibrasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="149" />
        <source>Antenna height (m)</source>
        <translation>Tinggi antena (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="149" />
        <source>Measured</source>
        <translation>Diukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="149" />
        <source>Antenna model</source>
        <translation>Model antena</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="150" />
        <source>Radius / offset (m)</source>
        <translation>Jari-jari / offset (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="154" />
        <source>Marker</source>
        <translation>Tanda Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="155" />
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="157" />
        <source>standard (30 epochs, 30 s)</source>
        <translation>standar (30 epoch, 30 dtk)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="158" />
        <source>rapid re-check (10 epochs)</source>
        <translation>cek ulang cepat (10 epoch)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="159" />
        <source>strict (measured σ only, 60 s)</source>
        <translation>ketat (hanya σ terukur, 60 dtk)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="164" />
        <source>Finish when the requirement is met</source>
        <translation>Selesai otomatis bila syarat terpenuhi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="167" />
        <source>Starts within {0} of the marker, standing still (≤ {1} m/s).</source>
        <translation>Mulai hanya dalam jarak {0} dari tanda batas dan diam (≤ {1} m/dtk).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="207" />
        <source>Antenna height</source>
        <translation>Tinggi antena</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="208" />
        <source>Antenna radius</source>
        <translation>Jari-jari antena</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="209" />
        <source>Phase-centre offset</source>
        <translation>Offset pusat fase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="222" />
        <source>{0}: type a number of metres from {1} to {2}, e.g. 1,800</source>
        <translation>{0}: isi angka meter dari {1} sampai {2}, mis. 1,800</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="232" />
        <source>A slant height needs the antenna radius (greater than 0, less than the height): choose the model 'Other' and type it.</source>
        <translation>Tinggi miring perlu jari-jari antena (lebih dari 0, kurang dari tingginya): pilih model 'Lain' lalu isi.</translation>
    </message>
</context>
<context>
    <name>StakeMeasurement</name>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="113" />
        <source>Measurement cancelled.</source>
        <translation>Pengukuran dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="115" />
        <source>Measurement failed: {0}</source>
        <translation>Pengukuran gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="121" />
        <source>Measurement did not pass: {0}</source>
        <translation>Pengukuran tidak lolos: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="129" />
        <source>Stake not saved: {0}</source>
        <translation>Patok tidak tersimpan: {0}</translation>
    </message>
</context>
<context>
    <name>Stakeout</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="49" />
        <source>Not precise enough</source>
        <translation>Belum cukup teliti</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="56" />
        <source>no σH</source>
        <translation>tanpa σH</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="58" />
        <source>σH invalid</source>
        <translation>σH tidak sah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="60" />
        <source>measured</source>
        <translation>terukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="62" />
        <source>estimated</source>
        <translation>estimasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="73" />
        <source>Position not precise enough: {0}, {1}</source>
        <translation>Posisi belum cukup teliti: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="81" />
        <source>Tolerance {0} m · {1} · σH ≤ {2} m</source>
        <translation>Toleransi {0} m · {1} · σH ≤ {2} m</translation>
    </message>
</context>
<context>
    <name>StakeoutBar</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="34" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="38" />
        <source>Nearest</source>
        <translation>Terdekat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="41" />
        <source>GNSS</source>
        <translation>GNSS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="42" />
        <source>Total station</source>
        <translation>Total station</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="48" />
        <source>Measure &amp;&amp; save</source>
        <translation>Ukur &amp;&amp; simpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="51" />
        <source>Sound</source>
        <translation>Suara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="53" />
        <source>Speak</source>
        <translation>Ucapkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="59" />
        <source>Change…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="63" />
        <source>Forward/right</source>
        <translation>Maju/kanan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="64" />
        <source>North/east</source>
        <translation>Utara/timur</translation>
    </message>
</context>
<context>
    <name>StakeoutView</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="122" />
        <source>Save stake</source>
        <translation>Simpan patok</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="205" />
        <source>another target was chosen</source>
        <translation>target lain dipilih</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="262" />
        <source>No position yet: orient the instrument and measure first.</source>
        <translation>Belum ada posisi: orientasikan alat dan ukur terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="264" />
        <source>No position yet: connect the receiver first.</source>
        <translation>Belum ada posisi: hubungkan receiver dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="269" />
        <source>Every marker is staked.</source>
        <translation>Semua tanda batas sudah dipatok.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="285" />
        <source>Profile not saved: {0}</source>
        <translation>Profil tidak tersimpan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="288" />
        <source>Stake-out quality saved in the job.</source>
        <translation>Mutu stake out tersimpan di pekerjaan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="309" />
        <source>No position</source>
        <translation>Tidak ada posisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="309" />
        <source>No target</source>
        <translation>Tidak ada target</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="444" />
        <source>Right</source>
        <translation>Kanan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="444" />
        <source>Left</source>
        <translation>Kiri</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="365" />
        <source>Spoken guidance needs espeak-ng, which is not installed.</source>
        <translation>Panduan suara butuh espeak-ng, yang belum terpasang.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="389" />
        <source>cancelled on the stake-out tab</source>
        <translation>dibatalkan di tab stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="421" />
        <source>Set Hz {0}</source>
        <translation>Atur Hz {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="422" />
        <source>Not measured yet</source>
        <translation>Belum diukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="423" />
        <source>HD {0} m</source>
        <translation>Jarak datar {0} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="426" />
        <source>{0}: azimuth {1}, ground distance {2} m</source>
        <translation>{0}: azimut {1}, jarak lapangan {2} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="441" />
        <source>Turn {0}</source>
        <translation>Putar {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="443" />
        <source>Out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="443" />
        <source>In</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="449" />
        <source>Off {0} m</source>
        <translation>Selisih {0} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="452" />
        <source>{0}: Hz {1}, HD {2} m (ground; grid = ground × {3}). Prism H {4}</source>
        <translation>{0}: Hz {1}, jarak datar {2} m (lapangan; grid = lapangan × {3}). H prisma {4}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="466" />
        <source>Instrument link lost</source>
        <translation>Koneksi alat terputus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="476" />
        <source>Measure the prism first.</source>
        <translation>Ukur prisma terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="484" />
        <source>Stake not saved: {0}</source>
        <translation>Patok tidak tersimpan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="486" />
        <source>Stake of {0} saved: {1} m from the design position.</source>
        <translation>Patok {0} tersimpan: {1} m dari posisi rencana.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="523" />
        <source>the job was closed</source>
        <translation>pekerjaan ditutup</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="131" />
        <source>Station setup</source>
        <translation>Pengaturan alat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="135" />
        <source>Instrument…</source>
        <translation>Alat…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="139" />
        <source>Station</source>
        <translation>Titik berdiri</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="144" />
        <source>Backsight</source>
        <translation>Titik belakang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="149" />
        <source>Instr. ht (m)</source>
        <translation>Tinggi alat (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="151" />
        <source>Prism ht (m)</source>
        <translation>Tinggi prisma (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="153" />
        <source>Measure backsight</source>
        <translation>Ukur titik belakang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="154" />
        <source>with distance</source>
        <translation>dengan jarak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="158" />
        <source>Not oriented yet</source>
        <translation>Belum terorientasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="165" />
        <source>Measure</source>
        <translation>Ukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="167" />
        <source>Track</source>
        <translation>Lacak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="204" />
        <source>Azimuth (DMS)</source>
        <translation>Azimut (DMS)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="225" />
        <source>{0}: type a number of metres, e.g. 1,550</source>
        <translation>{0}: isi angka dalam meter, mis. 1,550</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="230" />
        <source>Prism height</source>
        <translation>Tinggi prisma</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="235" />
        <source>Setup changed: measure the backsight again.</source>
        <translation>Pengaturan berubah: ukur titik belakang lagi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="245" />
        <location filename="../../fieldapp/ui/station_panel.py" line="253" />
        <location filename="../../fieldapp/ui/station_panel.py" line="315" />
        <source>Instrument: {0}</source>
        <translation>Alat: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="248" />
        <location filename="../../fieldapp/ui/station_panel.py" line="261" />
        <source>Choose the instrument's port first (Instrument…).</source>
        <translation>Pilih port alat terlebih dahulu (Alat…).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="256" />
        <source>Instrument ready: {0}</source>
        <translation>Alat siap: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="264" />
        <source>The instrument is still measuring…</source>
        <translation>Alat masih mengukur…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="266" />
        <source>Measuring…</source>
        <translation>Mengukur…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="272" />
        <source>Choose the station (a control point).</source>
        <translation>Pilih titik berdiri alat (titik kontrol).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="274" />
        <location filename="../../fieldapp/ui/station_panel.py" line="343" />
        <source>Instrument height</source>
        <translation>Tinggi alat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="280" />
        <source>Backsight azimuth: {0}</source>
        <translation>Azimut titik belakang: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="283" />
        <source>azimuth {0}</source>
        <translation>azimut {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="287" />
        <source>Choose a backsight point other than the station.</source>
        <translation>Pilih titik belakang selain titik berdiri alat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="294" />
        <source>Measure the backsight first: the instrument is not oriented.</source>
        <translation>Ukur titik belakang terlebih dahulu: alat belum terorientasi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="318" />
        <source>Instrument link lost: {0}. Press Measure to reconnect.</source>
        <translation>Koneksi alat terputus: {0}. Tekan Ukur untuk menyambung lagi.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="332" />
        <source>Measured.</source>
        <translation>Terukur.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="360" />
        <source>Oriented on {0}: Hz {1}, orientation {2}</source>
        <translation>Orientasi ke {0}: Hz {1}, orientasi {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="364" />
        <source>Backsight distance residual {0} m</source>
        <translation>Selisih jarak titik belakang {0} m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="368" />
        <source>Oriented. Aim at the prism and press Measure or Track.</source>
        <translation>Alat terorientasi. Bidik prisma lalu tekan Ukur atau Lacak.</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="60" />
        <source>No data</source>
        <translation>Tidak ada data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="77" />
        <location filename="../../fieldapp/ui/status_strip.py" line="85" />
        <source>Satellites {0}</source>
        <translation>Satelit {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="78" />
        <location filename="../../fieldapp/ui/status_strip.py" line="92" />
        <source>σH {0}</source>
        <translation>σH {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="79" />
        <location filename="../../fieldapp/ui/status_strip.py" line="103" />
        <source>Corr. {0}</source>
        <translation>Koreksi {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="94" />
        <source>σH {0} m ({1})</source>
        <translation>σH {0} m ({1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="98" />
        <source>σH {0} m · σV {1} m ({2})</source>
        <translation>σH {0} m · σV {1} m ({2})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="107" />
        <source>Link: {0}</source>
        <translation>Koneksi: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="115" />
        <source>Epoch {0}, {1}</source>
        <translation>Epoch {0}, {1}</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="32" />
        <source>RTK Fixed</source>
        <translation>RTK fixed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="33" />
        <source>RTK Float</source>
        <translation>RTK float</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="34" />
        <source>DGPS</source>
        <translation>DGPS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="35" />
        <source>Autonomous</source>
        <translation>Mandiri (tanpa koreksi)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="36" />
        <source>PPS</source>
        <translation>PPS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="37" />
        <source>Dead reckoning</source>
        <translation>Perkiraan (dead reckoning)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="38" />
        <source>Manual</source>
        <translation>Input manual</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="39" />
        <source>Simulation</source>
        <translation>Simulasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="42" />
        <source>No fix</source>
        <translation>Tidak ada fix</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="46" />
        <source>Unknown ({0})</source>
        <translation>Tidak dikenal ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="51" />
        <source>measured</source>
        <translation>terukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="53" />
        <source>estimated</source>
        <translation>estimasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="54" />
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="60" />
        <source>Connecting</source>
        <translation>Menghubungkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="61" />
        <source>Live</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="62" />
        <source>No data</source>
        <translation>Tidak ada data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="63" />
        <source>Lost</source>
        <translation>Hilang, mencoba lagi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="64" />
        <location filename="../../fieldapp/ui/texts.py" line="65" />
        <location filename="../../fieldapp/ui/texts.py" line="67" />
        <source>Disconnected</source>
        <translation>Tidak terhubung</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="73" />
        <source>planned</source>
        <translation>direncanakan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="74" />
        <source>staked</source>
        <translation>dipatok</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="75" />
        <source>installed</source>
        <translation>terpasang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="76" />
        <source>documented</source>
        <translation>terdokumentasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="82" />
        <source>Far</source>
        <translation>Jauh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="83" />
        <source>Near</source>
        <translation>Dekat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="84" />
        <source>Within tolerance</source>
        <translation>Dalam toleransi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="92" />
        <source>no time</source>
        <translation>tanpa waktu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="93" />
        <source>no position</source>
        <translation>tanpa posisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="94" />
        <source>position or height not a plausible number</source>
        <translation>posisi atau tinggi bukan angka yang wajar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="97" />
        <source>not RTK fixed</source>
        <translation>bukan RTK fixed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="98" />
        <source>no height</source>
        <translation>tanpa tinggi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="99" />
        <source>no sigma</source>
        <translation>tanpa sigma</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="100" />
        <source>sigma only estimated</source>
        <translation>sigma hanya estimasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="101" />
        <source>horizontal sigma too large</source>
        <translation>sigma horizontal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="102" />
        <source>vertical sigma too large</source>
        <translation>sigma vertikal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="103" />
        <source>no PDOP</source>
        <translation>tanpa PDOP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="104" />
        <source>PDOP too high</source>
        <translation>PDOP terlalu tinggi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="105" />
        <source>duplicate time</source>
        <translation>waktu ganda</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="106" />
        <source>outlier</source>
        <translation>pencilan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="114" />
        <source>no usable epochs</source>
        <translation>tidak ada epoch yang layak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="115" />
        <source>too few epochs</source>
        <translation>epoch terlalu sedikit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="116" />
        <source>too short</source>
        <translation>terlalu singkat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="117" />
        <source>horizontal scatter too large</source>
        <translation>sebaran horizontal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="118" />
        <source>vertical scatter too large</source>
        <translation>sebaran vertikal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="126" />
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="127" />
        <source>East</source>
        <translation>Timur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="128" />
        <source>South</source>
        <translation>Selatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="129" />
        <source>West</source>
        <translation>Barat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="130" />
        <source>Close-up</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="138" />
        <source>District/village officer</source>
        <translation>Aparat kecamatan/desa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="141" />
        <source>Neighbouring permit holder</source>
        <translation>Pemegang izin tetangga</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="144" />
        <source>Other-sector permit holder</source>
        <translation>Pemegang izin sektor lain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="147" />
        <source>Land-right holder</source>
        <translation>Pemegang hak atas tanah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="148" />
        <source>Forestry officer</source>
        <translation>Petugas kehutanan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="149" />
        <source>Other-commodity permit holder</source>
        <translation>Pemegang izin komoditas lain</translation>
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="119" />
        <source>Edit witness</source>
        <translation>Ubah saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="119" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="120" />
        <source>The earlier entry is kept in the history, marked withdrawn.</source>
        <translation>Isian sebelumnya tetap di riwayat, ditandai ditarik.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="127" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="128" />
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="129" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
</context>
<context>
    <name>WitnessPage</name>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="101" />
        <source>Pick from the list…</source>
        <translation>Pilih dari daftar…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="104" />
        <source>Add witness</source>
        <translation>Tambah saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="105" />
        <source>New witness</source>
        <translation>Saksi baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="106" />
        <source>Witnesses of this marker</source>
        <translation>Saksi tanda batas ini</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="107" />
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="108" />
        <source>Withdraw…</source>
        <translation>Tarik…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Known</source>
        <translation>Daftar saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="136" />
        <source>{0} withdrawn entries kept in the history.</source>
        <translation>{0} isian yang ditarik tetap di riwayat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="177" />
        <source>Witness saved.</source>
        <translation>Saksi tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="200" />
        <source>Witness corrected; the earlier entry is withdrawn.</source>
        <translation>Saksi diperbaiki; isian sebelumnya ditarik.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="209" />
        <source>Withdraw witness</source>
        <translation>Tarik saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="210" />
        <source>{0} ({1}) is marked withdrawn and kept in the history.</source>
        <translation>{0} ({1}) ditandai ditarik dan tetap di riwayat.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="213" />
        <source>Withdraw</source>
        <translation>Tarik</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="225" />
        <source>Witness withdrawn: {0}</source>
        <translation>Saksi ditarik: {0}</translation>
    </message>
</context>
</TS>