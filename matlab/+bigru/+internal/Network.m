classdef Network
%NETWORK  What bigru's networks share (internal): the Java network, the layers it was built from, its classes
%   and what is stored with it (Metadata: key/value rows, such as the label type or the command line's
%   preprocessing), and MATLAB's save and load: saveobj keeps the model file's bytes in the MAT-file, and loadobj
%   reads them back as the class they were saved as. Octave cannot save classdef objects; use bigru.saveNetwork
%   and bigru.loadNetwork there (they also work in MATLAB, and with the bigru command line).
  properties (SetAccess = protected)
    Layers
    InputNames
    OutputNames
  end
  properties (Hidden)
    % The sequences bigru.predictAndUpdateState has seen, one per sequence ({} after resetState).
    State = {}
  end
  properties (SetAccess = protected, Hidden)
    ClassNames
    LabelType
    LabelOrientation
    Metadata
    Java
  end
  methods
    function net = Network(jnet)
      if nargin == 0 || isempty(jnet)
        return
      end
      net.Java = jnet;
      layers = bigru.internal.layersFromJava(jnet.layers());
      net.Layers = layers;
      net.InputNames = {layers(1).Name};
      net.OutputNames = {layers(end).Name};
      net.ClassNames = bigru.internal.cellOfStrings(jnet.classNames());
      net.LabelType = char(jnet.metadata('matlab.labelType'));
      net.LabelOrientation = char(jnet.metadata('matlab.labelOrientation'));
      keys = bigru.internal.cellOfStrings(jnet.metadataKeys());
      values = cellfun(@(k) char(jnet.metadata(k)), keys, 'UniformOutput', false);
      net.Metadata = [keys, values];
    end

    function s = saveobj(net)
      % The model file's bytes (Base64), which hold the layers, the weights and everything stored with them.
      s = struct('Format', 'bigru', 'Model', char(net.Java.toBase64()));
    end

    function disp(net)
      % The class and its visible properties, a line each.
      names = properties(net);
      fprintf('  %s with properties:\n\n', class(net));
      width = max(cellfun(@numel, names));
      for k = 1:numel(names)
        fprintf('    %*s: %s\n', width, names{k}, describe(net.(names{k})));
      end
      fprintf('\n');
    end
  end
  methods (Static)
    function net = loadobj(s)
      % The network saveobj kept, as the class it was saved as.
      net = bigru.internal.network(bigru.internal.Network.javaFromSaved(s));
    end
  end
  methods (Static, Hidden)
    function jnet = javaFromSaved(s)
      % The Java network saveobj kept in S.
      if ~isstruct(s) || ~isfield(s, 'Model')
        bigru.internal.fail('load', 'fileError', 'the saved network holds no bigru model');
      end
      try
        jnet = javaMethod('fromBase64', bigru.internal.javaClass('MatlabNetwork'), s.Model);
      catch err
        bigru.internal.javaError(err, 'load', 'fileError');
      end
    end
  end
end

function text = describe(v)
% A property in a few words, as MATLAB displays one.
sz = strjoin(arrayfun(@num2str, size(v), 'UniformOutput', false), 'x');
if isstruct(v) && isfield(v, 'Type')
  text = sprintf('[%s struct] (%s)', sz, strjoin({v.Type}, ', '));
elseif iscellstr(v)
  text = sprintf('{%s}', strjoin(cellfun(@(c) ['''' c ''''], v, 'UniformOutput', false), ', '));
elseif (isnumeric(v) || islogical(v)) && isscalar(v)
  text = num2str(v);
else
  text = sprintf('[%s %s]', sz, class(v));
end
end
