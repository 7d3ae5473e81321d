function l = layer(type, name, varargin)
%LAYER  One layer of a bigru layer array (internal).
%   Every layer is a struct with the same fields, so that layers concatenate into a layer array with
%   [a; b; c] in MATLAB and in Octave. Fields that do not apply to a layer type are empty.
l = struct('Name', name, 'Type', type, 'InputSize', [], 'NumHiddenUnits', [], 'OutputMode', '', ...
           'ResetGateMode', '', 'MergeMode', '', 'OutputSize', [], 'Probability', []);
for k = 1:2:numel(varargin)
  l.(varargin{k}) = varargin{k + 1};
end
end
