function varargout = trainingOptions(varargin)
%TRAININGOPTIONS  bigru.trainingOptions under MATLAB's unqualified name; see help bigru.trainingOptions.
[varargout{1:max(nargout, 1)}] = bigru.trainingOptions(varargin{:});
end
