import org.jpar.cluster.*
var cli = Cluster.spawn(2)
cli.ids()
long pid = cli.engine(0).applySync(() -> ProcessHandle.current().pid())
pid != ProcessHandle.current().pid()
cli.all().applySync(() -> ProcessHandle.current().pid()).size()
int offset = 100
int square(int x) { return x * x; }
cli.all().map(x -> square(x) + offset, List.of(1, 2, 3, 4))
record Point(int x, int y) implements java.io.Serializable {}
cli.engine(1).applySync(() -> new Point(1, 2))
int square(int x) { return x * x * x; }
cli.all().map(x -> square(x), List.of(1, 2, 3))
RemoteFunction<Integer, Integer> dummyTask = ms -> { Thread.sleep(ms); return ms; }
var ar = cli.loadBalancedView().mapAsync(dummyTask, List.of(50, 10, 30, 20, 40, 10))
ar.waitInteractive()
ar.get()
Timeline.writePng(ar.metadata(), "dummy tasks from jshell", java.nio.file.Path.of("tasks.png"))
cli.close()
/exit
