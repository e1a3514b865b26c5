; fieldapp's Indonesian messages for Inno Setup 6, layered over Default.isl (fieldapp.iss lists
; "compiler:Default.isl,Indonesian.isl": what is not here stays English). Inno Setup ships no
; Indonesian file; jrsoftware's unofficial Languages\Unofficial\Indonesian.isl (complete) can
; replace this one unchanged. ASCII only, so no code page matters.

[LangOptions]
LanguageName=Bahasa Indonesia
LanguageID=$0421
LanguageCodePage=0

[Messages]
SetupAppTitle=Instalasi
SetupWindowTitle=Instalasi - %1
UninstallAppTitle=Hapus Instalasi
UninstallAppFullTitle=Hapus Instalasi %1
ButtonBack=< &Kembali
ButtonNext=&Lanjut >
ButtonInstall=&Pasang
ButtonOK=OK
ButtonCancel=Batal
ButtonYes=&Ya
ButtonNo=&Tidak
ButtonFinish=&Selesai
ButtonBrowse=&Telusuri...
ExitSetupTitle=Keluar dari Instalasi
ExitSetupMessage=Instalasi belum selesai. Jika keluar sekarang, program tidak akan terpasang.%n%nInstalasi dapat dijalankan lagi lain waktu.%n%nKeluar dari Instalasi?
WelcomeLabel1=Selamat datang di Instalasi [name]
WelcomeLabel2=[name/ver] akan dipasang di komputer ini.%n%nSebaiknya tutup aplikasi lain sebelum melanjutkan.
WizardSelectDir=Pilih Lokasi Tujuan
SelectDirDesc=Di mana [name] akan dipasang?
SelectDirLabel3=[name] akan dipasang di folder berikut.
SelectDirBrowseLabel=Klik Lanjut untuk meneruskan. Untuk memilih folder lain, klik Telusuri.
WizardSelectTasks=Pilih Tugas Tambahan
SelectTasksDesc=Tugas tambahan apa yang dijalankan?
SelectTasksLabel2=Pilih tugas tambahan untuk instalasi [name], lalu klik Lanjut.
WizardReady=Siap Memasang
ReadyLabel1=[name] siap dipasang di komputer ini.
ReadyLabel2a=Klik Pasang untuk memulai, atau Kembali untuk mengubah pilihan.
ReadyLabel2b=Klik Pasang untuk memulai.
WizardInstalling=Memasang
InstallingLabel=Mohon tunggu, [name] sedang dipasang di komputer ini.
FinishedHeadingLabel=Instalasi [name] selesai
FinishedLabelNoIcons=[name] sudah terpasang di komputer ini.
FinishedLabel=[name] sudah terpasang di komputer ini. Program dapat dibuka dari pintasan yang dibuat.
ClickFinish=Klik Selesai untuk menutup Instalasi.
ConfirmUninstall=Hapus %1 beserta semua komponennya? Pekerjaan (job) dan pengaturan tidak ikut dihapus.
UninstallStatusLabel=Mohon tunggu, %1 sedang dihapus dari komputer ini.
UninstalledAll=%1 sudah dihapus dari komputer ini.

[CustomMessages]
CreateDesktopIcon=Buat pintasan di &desktop
AdditionalIcons=Pintasan tambahan:
LaunchProgram=Jalankan %1
UninstallProgram=Hapus %1
