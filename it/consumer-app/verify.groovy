// Runs after the consumer build passed (so dependencyConvergence and banDuplicateClasses held).
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
assert log.contains('PartnerApp: 5 vendor clients built') : 'the partner app did not run to its end'
['chronicle', 'taegis', 'carbonblack', 'servicenow', 'stellar'].each { vendor ->
    assert log.contains("PartnerApp: ${vendor} -> io.secopskit.${vendor}.") : "no client built for ${vendor}"
}

// Every published jar names its JPMS module (Automatic-Module-Name, no module-info).
def expected = [
    'sdk-core'       : 'io.secopskit.core',
    'sdk-testkit'    : 'io.secopskit.testkit',
    'sdk-chronicle'  : 'io.secopskit.chronicle',
    'sdk-carbonblack': 'io.secopskit.carbonblack',
    'sdk-taegis'     : 'io.secopskit.taegis',
    'sdk-servicenow' : 'io.secopskit.servicenow',
    'sdk-stellar'    : 'io.secopskit.stellar',
]
def version = secopskitVersion // scriptVariables in it/pom.xml
expected.each { artifact, moduleName ->
    def jar = new File(localRepositoryPath, "io/secopskit/${artifact}/${version}/${artifact}-${version}.jar")
    if (artifact == 'sdk-testkit' && !jar.exists()) {
        return // the consumer does not use the testkit; it is installed only when a build needs it
    }
    assert jar.isFile() : "not installed: ${jar}"
    new JarFile(jar).withCloseable { j ->
        def name = j.manifest?.mainAttributes?.getValue('Automatic-Module-Name')
        assert name == moduleName : "${artifact}: Automatic-Module-Name is ${name}, expected ${moduleName}"
        assert j.getEntry('module-info.class') == null : "${artifact} has a module-info.class"
    }
}
println 'consumer-app verified: app ran, module names present'
return true
