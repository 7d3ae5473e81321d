function info = setup(varargin)
%SETUP  Puts the bigru jar on the Java class path and reports the kernels in use.
%   bigru.setup()               finds the jar: the file named by the environment variable BIGRU_JAR, else
%                               target/bigru-matlab.jar next to this package (built by
%                               "mvn -pl matlab -am package"), else lib/bigru-matlab.jar
%   bigru.setup(jar)            uses that jar
%   bigru.setup(..., 'Compat', tf)  also puts the unqualified names (trainNetwork, bigruLayer, ...) of the
%                               compat folder on the path; default: true in Octave and in MATLAB without
%                               the Deep Learning Toolbox (with it, write "import bigru.*" instead)
%   bigru.setup(..., 'Quiet', true) prints nothing
%   info = bigru.setup(...)     returns Jar, JavaVersion, Kernels, VectorAPI, Compat and CategoricalShim
%
%   Where the interpreter has no categorical (GNU Octave), setup also puts bigru's minimal categorical on the
%   path (compat/categorical; CategoricalShim is then true), so that labels are categorical as in MATLAB.
%
%   bigru needs Java 17 or newer. The SIMD kernels need the JVM option --add-modules=jdk.incubator.vector;
%   without it everything works on the scalar kernels, with the same results, more slowly.
jar = '';
if mod(numel(varargin), 2) == 1
  jar = varargin{1};
  varargin = varargin(2:end);
end
try
  o = bigru.internal.nameValue('setup', struct('Compat', [], 'Quiet', false), varargin);
catch err
  bigru.internal.raise(err);
end
isOctave = exist('OCTAVE_VERSION', 'builtin') ~= 0;
root = fileparts(fileparts(mfilename('fullpath')));

if ~usejava('jvm')
  error('bigru:setup:noJava', 'bigru needs Java, and this %s runs without it', ternary(isOctave, 'Octave', 'MATLAB'));
end
spec = char(javaMethod('getProperty', 'java.lang.System', 'java.specification.version'));
javaVersion = str2double(regexprep(spec, '^1\.', ''));
if javaVersion < 17
  if isOctave
    how = ['Start Octave with JAVA_HOME naming a JDK 17 or newer, for example ' ...
           'JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 octave'];
  else
    how = ['Point MATLAB at a JDK 17 or newer with jenv, for example ' ...
           'jenv("/usr/lib/jvm/java-17-openjdk-amd64"), then restart MATLAB (in releases without jenv, ' ...
           'set the environment variable MATLAB_JAVA to the JDK folder before starting MATLAB)'];
  end
  error('bigru:setup:javaVersion', 'bigru needs Java 17 or newer, and this JVM is Java %s. %s.', spec, how);
end

if isempty(jar)
  candidates = {getenv('BIGRU_JAR'), fullfile(root, 'target', 'bigru-matlab.jar'), ...
                fullfile(root, 'lib', 'bigru-matlab.jar')};
  found = candidates(cellfun(@(f) ~isempty(f) && exist(f, 'file') == 2, candidates));
  if isempty(found)
    error('bigru:setup:jarNotFound', ['The bigru jar was not found (looked for BIGRU_JAR, %s and %s). Build it with ' ...
          '"mvn -pl matlab -am package" in the bigru folder, or pass its path: bigru.setup(jar)'], ...
          candidates{2}, candidates{3});
  end
  jar = found{1};
elseif exist(jar, 'file') ~= 2
  error('bigru:setup:jarNotFound', 'The jar %s does not exist', jar);
end
if ~any(strcmp(javaclasspath('-all'), jar))
  javaaddpath(jar);
end
version = char(javaMethod('version', 'org.bigru.matlab.Bigru'));
kernels = char(javaMethod('kernels', 'org.bigru.matlab.Bigru'));
vectorApi = logical(javaMethod('vectorApi', 'org.bigru.matlab.Bigru'));

compat = o.Compat;
if isempty(compat)
  compat = isOctave || isempty(which('trainNetwork'));
end
if compat
  addpath(fullfile(root, 'compat'));
end
% Octave has no categorical: bigru's minimal one, only where the interpreter has none of its own
categoricalFolder = fullfile(root, 'compat', 'categorical');
if isempty(which('categorical'))
  addpath(categoricalFolder);
end
categoricalShim = ~isempty(regexp(which('categorical'), 'compat[\\/]categorical[\\/]@categorical', 'once'));

if ~o.Quiet
  fprintf('bigru %s on Java %s: kernels %s\n', version, spec, kernels);
  if ~vectorApi
    if isOctave
      javaDir = fileparts(which('javaaddpath'));
      fprintf(['To use the SIMD kernels, start Octave with a java.opts holding --add-modules=jdk.incubator.vector:\n' ...
               '  mkdir ~/octave-java && cp %s ~/octave-java/\n' ...
               '  echo --add-modules=jdk.incubator.vector > ~/octave-java/java.opts\n' ...
               '  OCTAVE_JAVA_DIR=~/octave-java octave\n'], fullfile(javaDir, 'octave.jar'));
    else
      fprintf(['To use the SIMD kernels, put the line --add-modules=jdk.incubator.vector in a file java.opts\n' ...
               'in MATLAB''s startup folder (%s) and restart MATLAB.\n'], pwd);
    end
  end
  if compat
    fprintf('Unqualified names (trainNetwork, bigruLayer, ...) are on the path: %s\n', fullfile(root, 'compat'));
  end
  if categoricalShim
    fprintf('This interpreter has no categorical; bigru''s minimal one is on the path: %s\n', categoricalFolder);
  end
end
if nargout > 0
  info = struct('Jar', jar, 'JavaVersion', javaVersion, 'Kernels', kernels, 'VectorAPI', vectorApi, ...
                'Compat', logical(compat), 'CategoricalShim', categoricalShim);
end
end

function v = ternary(condition, a, b)
if condition
  v = a;
else
  v = b;
end
end
