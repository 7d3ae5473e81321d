function name = javaClass(short)
%JAVACLASS  The fully qualified name of a bridge class (internal); checks that bigru.setup has run.
name = ['org.bigru.matlab.' short];
persistent ready
if isempty(ready)
  try
    javaMethod('version', 'org.bigru.matlab.Bigru');
    ready = true;
  catch
    error('bigru:setup:notRun', 'The bigru jar is not on the Java class path: run bigru.setup first');
  end
end
end
