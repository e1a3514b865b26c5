; Inno Setup 6.3+ script: the per-user Windows installer of fieldapp.
;
; Build (on Windows, after the PyInstaller build; see packaging/windows/README.md):
;   pyinstaller --noconfirm build.spec                      -> dist\fieldapp\
;   python packaging\windows\icon.py build\windows\fieldapp.ico
;   iscc packaging\windows\fieldapp.iss                    -> dist\installer\fieldapp-setup-X.Y.Z.exe
;
; The version is not written here: it is read from the built fieldapp.exe's version resource,
; which build.spec makes from fieldapp.__version__ (or given: iscc /DAppVersion=X.Y.Z ...).
; Per user: no administrator rights, installed in %LOCALAPPDATA%\Programs\fieldapp. Uninstalling
; removes the program only; the demo job and device key in %LOCALAPPDATA%\fieldapp and the
; settings in %APPDATA%\fieldapp stay (jobs are the survey's records).

#define AppName "fieldapp"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\fieldapp"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\fieldapp.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\fieldapp\fieldapp.exe has no version resource: build it with build.spec on Windows first
#endif

[Setup]
AppId={{44E3AB6D-8652-4E3F-B29C-232B23C39F8F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fieldapp
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}\..\..\dist\installer
OutputBaseFilename=fieldapp-setup-{#AppVersion}
SetupIconFile={#SourcePath}\..\..\build\windows\fieldapp.ico
UninstallDisplayIcon={app}\fieldapp-gui.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Default.isl,Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.CommandLineHelp=fieldapp command line (help)
indonesian.CommandLineHelp=fieldapp baris perintah (bantuan)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\fieldapp-gui.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\fieldapp-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon
Name: "{autoprograms}\{cm:CommandLineHelp}"; Filename: "{cmd}"; Parameters: "/k ""{app}\fieldapp.exe"" --help"; WorkingDir: "{userdocs}"

[Run]
Filename: "{app}\fieldapp-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python's byte-code caches written beside the program after installation.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
