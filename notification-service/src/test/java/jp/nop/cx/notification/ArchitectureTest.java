package jp.nop.cx.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import jp.nop.cx.test.architecture.ServiceArchitecture;

/** The architecture every service keeps: the platform's one rule set, run over this service. */
@AnalyzeClasses(packages = "jp.nop.cx.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

}
