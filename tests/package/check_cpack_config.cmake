# Reads the CPackConfig.cmake that configure wrote and checks the settings of
# the three installers. Run as: cmake -DCONFIG=<build>/CPackConfig.cmake -P this
include(${CONFIG})

set(failures 0)
function(expect what condition)
  if(NOT ${condition})
    message(SEND_ERROR "${what}")
  else()
    message(STATUS "ok: ${what}")
  endif()
endfunction()
function(expect_match what pattern value)
  string(REGEX MATCH "${pattern}" found "${value}")
  if(found STREQUAL "")
    message(SEND_ERROR "${what}: /${pattern}/ not in\n${value}")
  else()
    message(STATUS "ok: ${what}")
  endif()
endfunction()
function(expect_file what path)
  if(NOT EXISTS "${path}")
    message(SEND_ERROR "${what}: ${path} does not exist")
  else()
    message(STATUS "ok: ${what}")
  endif()
endfunction()

# Shared.
expect_match("package name" "^sluice$" "${CPACK_PACKAGE_NAME}")
expect_file("license file" "${CPACK_RESOURCE_FILE_LICENSE}")
expect_file("description file" "${CPACK_PACKAGE_DESCRIPTION_FILE}")

# Debian.
expect("DEB dependencies from dpkg-shlibdeps" CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
expect_match("DEB maintainer" ".+<.+@.+>" "${CPACK_DEBIAN_PACKAGE_MAINTAINER}")
expect_match("DEB section" "^science$" "${CPACK_DEBIAN_PACKAGE_SECTION}")
expect_match("DEB homepage" "^https?://" "${CPACK_DEBIAN_PACKAGE_HOMEPAGE}")

# Windows (NSIS): Start-menu entry, icons, .sluice association and its removal.
expect_match("NSIS Start-menu entry for sluice.exe" "^sluice;Sluice$" "${CPACK_PACKAGE_EXECUTABLES}")
expect_file("NSIS installer icon" "${CPACK_NSIS_MUI_ICON}")
expect_file("NSIS uninstaller icon" "${CPACK_NSIS_MUI_UNIICON}")
expect_match("NSIS Apps & features icon" "^bin\\\\sluice\\.exe$" "${CPACK_NSIS_INSTALLED_ICON_NAME}")
set(install "${CPACK_NSIS_EXTRA_INSTALL_COMMANDS}")
expect_match("NSIS maps .sluice to the ProgID"
  "WriteRegStr SHCTX \"Software\\\\Classes\\\\\\.sluice\" \"\" \"Sluice\\.Pipeline\"" "${install}")
expect_match("NSIS registers the MIME type"
  "\"Content Type\" \"application/x-sluice\"" "${install}")
expect_match("NSIS open command passes the file"
  "Sluice\\.Pipeline\\\\shell\\\\open\\\\command\" \"\" '\"\\$INSTDIR\\\\bin\\\\sluice\\.exe\" \"%1\"'" "${install}")
set(uninstall "${CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS}")
expect_match("NSIS uninstaller removes the ProgID"
  "DeleteRegKey SHCTX \"Software\\\\Classes\\\\Sluice\\.Pipeline\"" "${uninstall}")
expect_match("NSIS uninstaller removes .sluice"
  "DeleteRegKey SHCTX \"Software\\\\Classes\\\\\\.sluice\"" "${uninstall}")

# macOS (DragNDrop).
expect_match("DMG volume name" "^Sluice " "${CPACK_DMG_VOLUME_NAME}")
expect_match("DMG format" "^UDZO$" "${CPACK_DMG_FORMAT}")
if(CPACK_DMG_DISABLE_APPLICATIONS_SYMLINK)
  message(SEND_ERROR "the DMG must keep its /Applications link")
endif()
